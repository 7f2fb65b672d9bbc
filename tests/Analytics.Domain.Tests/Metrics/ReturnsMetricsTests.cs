using Analytics.Domain.Metrics;

namespace Analytics.Domain.Tests.Metrics;

/// <summary>Returns through the company and product metrics, worked out by hand from
/// <see cref="HandData.TodayWithReturns"/> (see the comment of <see cref="HandData"/>); the history has no returns.</summary>
public sealed class ReturnsMetricsTests
{
    private static CompanyMetrics Company() =>
        new CompanyMetricsCalculator().Calculate(HandData.Day, HandData.TodayWithReturns, HandData.History);

    private static ProductMetrics Products() =>
        new ProductMetricsCalculator().Calculate(HandData.Day, HandData.TodayWithReturns, HandData.History);

    [Fact]
    public void Company_NetRevenueIsNetSalesLessReturns()
    {
        var metrics = Company();

        Assert.Equal(306m, metrics.NetRevenue);          // 346 − 10 − 30
        Assert.Equal(336m, metrics.Totals.NetSales);
        Assert.Equal(30m, metrics.Totals.Returns);
        Assert.Equal(6, metrics.Totals.ReturnTransactions);
        Assert.Equal(6, metrics.Totals.UnitsReturned);
        Assert.Equal(0.0893m, metrics.ReturnRate);       // 30 / 336 = 0.08928…
        Assert.True(metrics.HasReturns);
        Assert.Equal(7.15m, metrics.AverageBasket);      // a basket is a sale: 336 / 47, returns do not shrink it
    }

    [Fact]
    public void Company_ReturnKeyFiguresComparedWithEachBaseline()
    {
        var metrics = Company();

        var sales = metrics.Figure(KeyMetric.NetSales);
        Assert.Equal(336m, sales.Value);
        Assert.Equal(318m, sales.Against(ComparisonBaseline.PreviousDay)!.BaselineValue);
        Assert.Equal(340.00m, sales.Against(ComparisonBaseline.FourWeekSameWeekdayMean)!.BaselineValue);
        var returns = metrics.Figure(KeyMetric.Returns);
        Assert.Equal(
            [
                new Comparison(ComparisonBaseline.PreviousDay, 30m, 0m, 30m, null, 1),               // no baseline returns: no percent
                new Comparison(ComparisonBaseline.SameWeekdayLastWeek, 30m, 0m, 30m, null, 1),
                new Comparison(ComparisonBaseline.FourWeekSameWeekdayMean, 30m, 0.00m, 30m, null, 4),
            ],
            returns.Comparisons);
        var rate = metrics.Figure(KeyMetric.ReturnRate);
        Assert.Equal(0.0893m, rate.Value);
        Assert.Equal(0.0893m, rate.Against(ComparisonBaseline.SameWeekdayLastWeek)!.Change);
        Assert.Equal(306m, metrics.Figure(KeyMetric.NetRevenue).Value);
        Assert.Equal(-32m, metrics.Figure(KeyMetric.NetRevenue).Against(ComparisonBaseline.SameWeekdayLastWeek)!.Change); // 306 − 338
    }

    [Fact]
    public void Company_CategoriesCarryReturnsAndLastWeeksRate()
    {
        var metrics = Company();

        Assert.Equal(
            [
                // 198 / 306 = 64.706 %; last week 224: −26 / 224 = −11.607 %
                new CategoryFigure("Coffee", 31, 31, 198m, 6m, 64.71m, -11.61m, 5, 5, 26m, 0.1161m, 0m),
                // 108 / 306 = 35.294 %; last week 114: −6 / 114 = −5.263 %
                new CategoryFigure("Tea", 22, 22, 108m, 4m, 35.29m, -5.26m, 1, 1, 4m, 0.0357m, 0m),
            ],
            metrics.Categories);
        Assert.Equal(224m, metrics.Categories[0].NetSales);
    }

    [Fact]
    public void Company_StoresRankByWhatTheyKeptAndCarryTheirReturnRate()
    {
        var metrics = Company();

        Assert.Equal(
            [
                new StoreRank(1, "s1", 160m, 22, 8.18m, 52.29m, 0.00m, 2, 2, 20m, 0.1111m, 0m),   // 160 / 306; 160 last week
                new StoreRank(2, "s2", 86m, 15, 6.00m, 28.10m, -21.82m, 1, 1, 4m, 0.0444m, 0m),  // −24 / 110
                new StoreRank(3, "s3", 60m, 10, 6.60m, 19.61m, -11.76m, 3, 3, 6m, 0.0909m, 0m),  // −8 / 68
            ],
            metrics.StoreRanking);
    }

    [Fact]
    public void Company_HoursAndPaymentMethodsCarryReturns()
    {
        var metrics = Company();

        Assert.Equal(new HourFigure(10, 47, 53, 306m, 100m, 6, 6, 30m, 0.0893m), Assert.Single(metrics.Hours));
        Assert.Equal(new PaymentMethodFigure("card", 47, 306m, 100m, 6, 30m, 0.0893m), Assert.Single(metrics.PaymentMethods));
    }

    [Fact]
    public void Company_DayWithoutReturns_HasNoReturns()
    {
        var metrics = new CompanyMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History);

        Assert.False(metrics.HasReturns);
        Assert.Equal(0m, metrics.ReturnRate);
        Assert.Equal(0m, metrics.Figure(KeyMetric.Returns).Value);
        Assert.Equal(metrics.Figure(KeyMetric.NetSales).Value, metrics.Figure(KeyMetric.NetRevenue).Value);
    }

    [Fact]
    public void Products_ASkuOnlyReturned_IsNoTopSellerButTopsNothingNegative()
    {
        var metrics = Products();

        // Net revenue on D: C1 164 − 20 = 144, T1 60 − 4 = 56, T2 52, C2 50, C3 10; X9 −6 sold nothing.
        Assert.Equal(["C1", "T1", "T2", "C2", "C3"], metrics.TopByRevenue.Select(s => s.Sku));
        Assert.Equal(new SkuRank(1, "C1", "C1 name", "Coffee", 17, 144m, 47.06m, 2, 20m), metrics.TopByRevenue[0]); // 144 / 306
        Assert.Equal(["C1", "T1", "C2", "T2", "C3"], metrics.TopByUnits.Select(s => s.Sku));
        Assert.All(metrics.TopByRevenue, s => Assert.True(s.NetRevenue > 0m));
    }

    [Fact]
    public void Products_TopByReturns_RanksTheSkusRefundedMost()
    {
        var metrics = Products();

        Assert.Equal(["C1", "X9", "T1"], metrics.TopByReturns.Select(s => s.Sku));
        Assert.Equal(new SkuRank(2, "X9", "X9 name", "Coffee", 0, -6m, -1.96m, 3, 6m), metrics.TopByReturns[1]); // −6 / 306
    }

    [Fact]
    public void Products_DayWithoutReturns_HasNoTopByReturns() =>
        Assert.Empty(new ProductMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History).TopByReturns);
}
