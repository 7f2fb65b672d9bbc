using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Testing;

namespace Analytics.Domain.Tests.Insights;

/// <summary>Growth a person can believe on the real retailer (issue 14, item 6): it never trades on Saturdays, closed
/// for Christmas 2010-12-24 … 2011-01-03 and on the bank holidays, and its data start on 2010-12-01.</summary>
public sealed partial class TrendAnalyzerTests
{
    [SharedDataFact]
    public async Task Analyze_OnlineRetail_MonthAfterChristmasAgainstAMonthHalfClosed_NoMonthOverMonth()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var date = new DateOnly(2011, 2, 7);

        var report = new TrendAnalyzer().Analyze(date, data.On(date), data.History(date));

        // Raw sums said +56 %: 24 trading days against 15 (2010-12-14 … 12-23, 2011-01-04 … 01-10). 15 is fewer than
        // 2/3 of the 24 usual days, so the two periods are not compared at all.
        Assert.Equal((24, 15), (TradingDays(data, date, 0), TradingDays(data, date, 28)));
        Assert.Null(report.Chain.MonthOverMonth);
        Assert.NotNull(report.Chain.WeekOverWeek);
    }

    [SharedDataFact]
    public async Task Analyze_OnlineRetail_OrdinaryDaysClosedOnSaturdays_MonthOverMonthIsTheChangeOfRevenuePerTradingDay()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var analyzer = new TrendAnalyzer();
        var days = 0;
        for (var date = new DateOnly(2011, 5, 1); date <= new DateOnly(2011, 9, 30); date = date.AddDays(1))
        {
            if (data.On(date).Count == 0)
            {
                continue;
            }

            days++;
            var report = analyzer.Analyze(date, data.On(date), data.History(date));

            var expected = SalesMath.PercentChange(MeanPerTradingDay(data, date, 0), MeanPerTradingDay(data, date, 28));
            Assert.True(expected == report.Chain.MonthOverMonth, $"{date:O}: month over month {report.Chain.MonthOverMonth}, per trading day {expected}");
        }

        Assert.InRange(days, 120, 130);
    }

    /// <summary>Days with sales among the 28 ending <paramref name="back"/> days before <paramref name="date"/>.</summary>
    private static int TradingDays(OnlineRetailSales data, DateOnly date, int back) =>
        Enumerable.Range(back, 28).Count(b => data.On(date.AddDays(-b)).Count > 0);

    private static decimal MeanPerTradingDay(OnlineRetailSales data, DateOnly date, int back) =>
        Enumerable.Range(back, 28).Select(b => data.On(date.AddDays(-b))).Where(s => s.Count > 0)
            .Average(s => s.Sum(x => x.Totals.NetRevenue));
}
