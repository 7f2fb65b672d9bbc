using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Metrics;

/// <summary>Expected figures are worked out by hand from <see cref="HandData"/> (see its comment).</summary>
public sealed class CompanyMetricsCalculatorTests
{
    private static CompanyMetrics Calculate() => new CompanyMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History);

    [Fact]
    public void Calculate_HandData_TotalsBasketAndDiscountRate()
    {
        var metrics = Calculate();

        Assert.Equal(3, metrics.StoresTrading);
        Assert.Equal(336m, metrics.NetRevenue);
        Assert.Equal(new SalesTotals(47, 53, 9, 346m, 10m), metrics.Totals);
        Assert.Equal(7.15m, metrics.AverageBasket);   // 336 / 47 = 7.1489…
        Assert.Equal(0.0289m, metrics.DiscountRate);  // 10 / 346 = 0.028901…
    }

    [Fact]
    public void Calculate_HandData_RevenueComparedWithEachBaseline()
    {
        var revenue = Calculate().Figure(KeyMetric.NetRevenue);

        Assert.Equal(
            [
                new Comparison(ComparisonBaseline.PreviousDay, 336m, 318m, 18m, 5.66m, 1),               // 18 / 318 = 5.660 %
                new Comparison(ComparisonBaseline.SameWeekdayLastWeek, 336m, 338m, -2m, -0.59m, 1),      // −2 / 338 = −0.592 %
                new Comparison(ComparisonBaseline.FourWeekSameWeekdayMean, 336m, 340.00m, -4m, -1.18m, 4), // (338·3 + 346) / 4 = 340
            ],
            revenue.Comparisons);
    }

    [Fact]
    public void Calculate_HandData_UnitsBasketAndDiscountComparisons()
    {
        var metrics = Calculate();

        var units = metrics.Figure(KeyMetric.Units);
        Assert.Equal(-7.02m, units.Against(ComparisonBaseline.PreviousDay)!.PercentChange);   // 53 vs 57: −4 / 57
        Assert.Equal(59.50m, units.Against(ComparisonBaseline.FourWeekSameWeekdayMean)!.BaselineValue); // (59·3 + 61) / 4
        Assert.Equal(-10.92m, units.Against(ComparisonBaseline.FourWeekSameWeekdayMean)!.PercentChange); // −6.5 / 59.5
        var basket = metrics.Figure(KeyMetric.AverageBasket);
        Assert.Equal(7.07m, basket.Against(ComparisonBaseline.PreviousDay)!.BaselineValue);   // 318 / 45
        Assert.Equal(7.51m, basket.Against(ComparisonBaseline.SameWeekdayLastWeek)!.BaselineValue); // 338 / 45
        Assert.Equal(-4.79m, basket.Against(ComparisonBaseline.SameWeekdayLastWeek)!.PercentChange); // −0.36 / 7.51
        Assert.Equal(7.56m, basket.Against(ComparisonBaseline.FourWeekSameWeekdayMean)!.BaselineValue); // 1360 / 180 = 7.5556
        var discount = metrics.Figure(KeyMetric.DiscountRate).Against(ComparisonBaseline.FourWeekSameWeekdayMean)!;
        Assert.Equal(0.0230m, discount.BaselineValue);  // 32 / 1392 = 0.022988
        Assert.Equal(0.0059m, discount.Change);
        Assert.Equal(25.65m, discount.PercentChange);   // 0.0059 / 0.0230 = 25.652 %
        Assert.Equal(4.44m, metrics.Figure(KeyMetric.Transactions).Against(ComparisonBaseline.SameWeekdayLastWeek)!.PercentChange); // 2 / 45
    }

    [Fact]
    public void Calculate_HandData_CategoryBreakdownAndStoreRanking()
    {
        var metrics = Calculate();

        Assert.Equal(
            [
                new CategoryFigure("Coffee", 31, 31, 224m, 6m, 66.67m, 0.00m, LastWeekReturnRate: 0m),   // 224 / 336; last week 224
                new CategoryFigure("Tea", 22, 22, 112m, 4m, 33.33m, -1.75m, LastWeekReturnRate: 0m),     // last week 114: −2 / 114
            ],
            metrics.Categories);
        Assert.Equal(
            [
                new StoreRank(1, "s1", 180m, 22, 8.18m, 53.57m, 12.50m, LastWeekReturnRate: 0m),   // 180 / 336 = 53.571 %; 160 last week
                new StoreRank(2, "s2", 90m, 15, 6.00m, 26.79m, -18.18m, LastWeekReturnRate: 0m),   // −20 / 110
                new StoreRank(3, "s3", 66m, 10, 6.60m, 19.64m, -2.94m, LastWeekReturnRate: 0m),    // −2 / 68
            ],
            metrics.StoreRanking);
        Assert.Equal(100m, Assert.Single(metrics.PaymentMethods).Share);
        Assert.Equal(new HourFigure(10, 47, 53, 336m, 100m), Assert.Single(metrics.Hours));
    }

    [Fact]
    public void Calculate_BaselineDaysWithoutData_LeavesThoseComparisonsOut()
    {
        // History starts at D − 7: D − 1 and D − 7 exist, D − 14 … D − 28 do not; the four-week mean rests on one day.
        var history = SalesData.History(HandData.Day, HandData.On, HandData.Day.AddDays(-7));
        var closedYesterday = SalesData.History(HandData.Day, d => d == HandData.Day.AddDays(-1) ? [] : HandData.On(d));

        var revenue = new CompanyMetricsCalculator().Calculate(HandData.Day, HandData.Today, history).Figure(KeyMetric.NetRevenue);
        var noYesterday = new CompanyMetricsCalculator().Calculate(HandData.Day, HandData.Today, closedYesterday).Figure(KeyMetric.NetRevenue);

        Assert.Equal(1, revenue.Against(ComparisonBaseline.FourWeekSameWeekdayMean)!.BaselineDays);
        Assert.Null(noYesterday.Against(ComparisonBaseline.PreviousDay));
        Assert.Equal(2, noYesterday.Comparisons.Count);
    }

    [Fact]
    public void Calculate_ZeroBaseline_PercentChangeIsNull()
    {
        Assert.Null(Comparison.Of(ComparisonBaseline.PreviousDay, 5m, 0m, 1).PercentChange);
    }

    [Fact]
    public void Calculate_NoStores_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CompanyMetricsCalculator().Calculate(HandData.Day, [], HandData.History));
    }
}
