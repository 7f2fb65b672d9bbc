using Analytics.Domain.AiReview;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Reporting;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

public sealed partial class TrendAnalyzerTests
{
    private static readonly DateOnly Day = new(2025, 6, 18); // a Wednesday

    /// <summary>Revenue of day t (t = 0 on D): weekday factor × (5000 + 10 t) for store A; B declines 20 a day.</summary>
    private static IReadOnlyList<StoreDaySummary> Linear(DateOnly date)
    {
        var t = date.DayNumber - Day.DayNumber;
        var factor = (decimal)ChainSimulator.WeekdayPattern[((int)date.DayOfWeek + 6) % 7];
        return
        [
            SalesData.StoreDay("A", date, 100, new Line("C1", "Coffee", 1, factor * (5000m + 10m * t))),
            SalesData.StoreDay("B", date, 100, new Line("T1", "Tea", 1, factor * (5000m - 20m * t))),
        ];
    }

    [Fact]
    public void Analyze_LinearSeriesWithWeekdayPattern_RecoversTheSlope()
    {
        var report = new TrendAnalyzer().Analyze(Day, Linear(Day), SalesData.History(Day, Linear));

        // Chain: factor × (10000 − 10 t): slope −10 a day on both windows once the pattern is divided out.
        Assert.Equal(-10.00m, report.Chain.Slope7PerDay);
        Assert.Equal(-10.00m, report.Chain.Slope28PerDay);
        Assert.True(report.Chain.WeekdayPatternRemoved);
        Assert.Equal([0.9m, 0.95m, 1.0m, 1.0m, 1.1m, 1.3m, 0.75m], report.Chain.WeekdayFactors); // the pattern averages 1
        // Mean of the 28-day window (t = −27 … 0) is 10000 + 135 = 10135: −10 / 10135 = −0.0987 % a day.
        Assert.Equal(-0.10m, report.Chain.Slope28Percent);
    }

    /// <summary>One store selling 1000 on every day <paramref name="trades"/> allows; the chain is closed on the others.</summary>
    private static Func<DateOnly, IReadOnlyList<StoreDaySummary>> Flat(Func<DateOnly, bool> trades) =>
        date => trades(date) ? [SalesData.StoreDay("A", date, 10, new Line("C1", "Coffee", 1, 1000m))] : [];

    /// <summary><paramref name="stores"/> on every day but Saturdays, when the chain is closed (as the real retailer is).</summary>
    private static Func<DateOnly, IReadOnlyList<StoreDaySummary>> ClosedOnSaturdays(Func<DateOnly, IReadOnlyList<StoreDaySummary>> stores) =>
        date => date.DayOfWeek == DayOfWeek.Saturday ? [] : stores(date);

    [Fact]
    public void Analyze_LinearSeries_WeekAndMonthGrowthFromWholeWeeks()
    {
        var report = new TrendAnalyzer().Analyze(Day, Linear(Day), SalesData.History(Day, Linear));

        // A whole week sums the factors to 7 at each t: last 7 days Σ f·(10000 − 10t), t = −6…0; the week before t = −13…−7.
        // With the weekday pattern not centred in the week the exact sums are computed here the same way.
        decimal Sum(int from, int to) => Enumerable.Range(from, to - from + 1).Sum(t => Linear(Day.AddDays(t)).Sum(s => s.Totals.NetRevenue));
        var week = decimal.Round((Sum(-6, 0) - Sum(-13, -7)) * 100m / Sum(-13, -7), 2, MidpointRounding.ToEven);
        var month = decimal.Round((Sum(-27, 0) - Sum(-55, -28)) * 100m / Sum(-55, -28), 2, MidpointRounding.ToEven);
        Assert.Equal(week, report.Chain.WeekOverWeek);
        Assert.Equal(month, report.Chain.MonthOverMonth);
        Assert.True(report.Chain.WeekOverWeek < 0m);
    }

    [Fact]
    public void Analyze_TwoStores_RanksGrowingAndDecliningWithDeseasonalizedSlopes()
    {
        var report = new TrendAnalyzer().Analyze(Day, Linear(Day), SalesData.History(Day, Linear));

        // Store A: +10 a day on a mean of 5000 − 135 = 4865 → 0.21 %; B: −20 on 5270 → −0.38 %.
        var a = Assert.Single(report.GrowingStores);
        Assert.Equal(("A", 10.00m, 0.21m, 28), (a.Id, a.SlopePerDay, a.SlopePercent, a.DaysWithSales));
        var b = Assert.Single(report.DecliningStores);
        Assert.Equal(("B", -20.00m, -0.38m), (b.Id, b.SlopePerDay, b.SlopePercent));
        Assert.Equal("Coffee", Assert.Single(report.GrowingCategories).Id);
        Assert.Equal("Tea", Assert.Single(report.DecliningCategories).Id);
    }

    [Fact]
    public void Analyze_TenDaysOfHistory_NoLongSlopeNoMonthGrowthNoPattern()
    {
        var history = SalesData.History(Day, Linear, Day.AddDays(-10)); // 11 days with D: fewer than 14

        var report = new TrendAnalyzer().Analyze(Day, Linear(Day), history);

        Assert.Null(report.Chain.MonthOverMonth);
        Assert.Null(report.Chain.Slope28PerDay);
        Assert.NotNull(report.Chain.Slope7PerDay);
        Assert.False(report.Chain.WeekdayPatternRemoved);
        Assert.Empty(report.GrowingStores);
    }

    [Fact]
    public void Analyze_ClosedOnSaturdaysAndTwoDaysOfTheWeekBefore_GrowthPerTradingDayIsFlat()
    {
        // 1000 on every trading day; the week before (D − 13 … D − 7) was also closed on D − 9 and D − 8, so it traded on
        // 4 of its 6 usual days, the fewest that still give a figure. Raw sums said +50 % (6000 against 4000).
        HashSet<DateOnly> closed = [Day.AddDays(-9), Day.AddDays(-8)];
        var stores = ClosedOnSaturdays(Flat(d => !closed.Contains(d)));

        var report = new TrendAnalyzer().Analyze(Day, stores(Day), SalesData.History(Day, stores));

        Assert.Equal(0.00m, report.Chain.WeekOverWeek);
        Assert.Equal(0.00m, report.Chain.MonthOverMonth); // 22 of 24 trading days against 24
    }

    [Fact]
    public void Analyze_WeekBeforeTradedOnHalfItsUsualDays_NoWeekOverWeek()
    {
        HashSet<DateOnly> closed = [Day.AddDays(-10), Day.AddDays(-9), Day.AddDays(-8)]; // 3 of its 6 usual days left
        var stores = ClosedOnSaturdays(Flat(d => !closed.Contains(d)));

        var report = new TrendAnalyzer().Analyze(Day, stores(Day), SalesData.History(Day, stores));

        Assert.Null(report.Chain.WeekOverWeek);
        Assert.Equal(0.00m, report.Chain.MonthOverMonth); // 21 of 24 days: still comparable
    }

    [Fact]
    public void Analyze_DataStartedTwelveDaysIntoTheMonthBefore_NoMonthOverMonth()
    {
        // The history loads D − 56 … D − 1 whatever the data start, so D − 55 … D − 41 are loaded days without sales:
        // the month before has 12 of its 28 days, and raw sums compared 28 days of revenue with 12.
        var history = SalesData.History(Day, Linear, Day.AddDays(-40));

        var report = new TrendAnalyzer().Analyze(Day, Linear(Day), history);

        Assert.Null(report.Chain.MonthOverMonth);
        Assert.NotNull(report.Chain.WeekOverWeek);
        // Not a figure the model can cite, and "n/a" in the reports.
        var figures = FactSheets.Trends(report, "USD").Facts[0].Figures.Select(f => f.Name).ToList();
        Assert.Contains("weekOverWeekPerTradingDayPercent", figures);
        Assert.DoesNotContain(figures, f => f.Contains("month", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("n/a", ReportFormat.Percent(report.Chain.MonthOverMonth));
    }

    [Fact]
    public void Analyze_DataStartedAWeekIntoTheMonthBefore_MonthOverMonthPerTradingDay()
    {
        var start = Day.AddDays(-48); // the month before, D − 55 … D − 28, has data on its last 21 days
        var history = SalesData.History(Day, Linear, start);

        var report = new TrendAnalyzer().Analyze(Day, Linear(Day), history);

        decimal Mean(int from, int to) => Enumerable.Range(from, to - from + 1).Average(t => Linear(Day.AddDays(t)).Sum(s => s.Totals.NetRevenue));
        var expected = decimal.Round((Mean(-27, 0) - Mean(-48, -28)) * 100m / Mean(-48, -28), 2, MidpointRounding.ToEven);
        Assert.Equal(expected, report.Chain.MonthOverMonth);
    }

    [Fact]
    public void Analyze_ClosedOnSaturdays_MeanDailyRevenueIsPerTradingDay()
    {
        var stores = ClosedOnSaturdays(Linear);

        var report = new TrendAnalyzer().Analyze(Day, stores(Day), SalesData.History(Day, stores));

        // 24 trading days in D − 27 … D; the four Saturdays are not days of no revenue.
        var days = Enumerable.Range(-27, 28).Select(Day.AddDays).Where(d => d.DayOfWeek != DayOfWeek.Saturday).ToList();
        decimal Mean(string store) => SalesMath.Round2(days.Sum(d => stores(d).Single(s => s.StoreId == store).Totals.NetRevenue) / days.Count);
        var a = Assert.Single(report.GrowingStores);
        Assert.Equal(("A", 24, Mean("A")), (a.Id, a.DaysWithSales, a.MeanDailyRevenue));
        Assert.Equal(Mean("B"), Assert.Single(report.DecliningStores).MeanDailyRevenue);
        Assert.Equal(Mean("A"), Assert.Single(report.GrowingCategories).MeanDailyRevenue); // Coffee is A's only category
    }

    [Fact]
    public void Analyze_StoreWithoutSalesOnTwoDaysSinceTheDataStart_TheyCountZeroAndTheDaysBeforeDoNot()
    {
        // Data from D − 24: 25 days of the 28. Store B sold nothing on D − 5 and D − 3 while A traded: real zeros for B.
        var start = Day.AddDays(-24);
        HashSet<DateOnly> bClosed = [Day.AddDays(-5), Day.AddDays(-3)];
        IReadOnlyList<StoreDaySummary> Stores(DateOnly date) => [.. Linear(date).Where(s => s.StoreId == "A" || !bClosed.Contains(date))];

        var report = new TrendAnalyzer().Analyze(Day, Stores(Day), SalesData.History(Day, Stores, start));

        decimal Sum(string store) => Enumerable.Range(-24, 25).Sum(t => Stores(Day.AddDays(t)).Where(s => s.StoreId == store).Sum(s => s.Totals.NetRevenue));
        var a = Assert.Single(report.GrowingStores);
        Assert.Equal(("A", 25, SalesMath.Round2(Sum("A") / 25)), (a.Id, a.DaysWithSales, a.MeanDailyRevenue));
        var b = Assert.Single(report.DecliningStores);
        Assert.Equal(("B", 23, SalesMath.Round2(Sum("B") / 25)), (b.Id, b.DaysWithSales, b.MeanDailyRevenue));
    }
}
