using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

public sealed class TrendAnalyzerTests
{
    private static readonly DateOnly Day = new(2025, 6, 18);

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
}
