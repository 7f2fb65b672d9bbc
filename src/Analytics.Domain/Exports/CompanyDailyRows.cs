using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Exports;

/// <summary>
/// <c>company_daily</c>: the chain's one row. <c>net_revenue</c> = <c>gross_sales</c> − <c>discounts</c> −
/// <c>returns</c> (the amount refunded, positive, in <c>return_transactions</c> of <c>units_returned</c> units);
/// <c>return_rate</c> is returns / (gross − discounts), 4 places. For each headline figure (<c>net_revenue</c>,
/// <c>transactions</c>, <c>units</c>, <c>average_basket</c>, <c>discount_rate</c>, <c>returns</c>, <c>return_rate</c>) it has the baseline value and the percent change
/// against the previous day (<c>_prev_day</c>), the same weekday last week (<c>_last_week</c>) and the mean of the
/// four same weekdays before (<c>_four_week_avg</c>), as <see cref="Comparison"/> has them; null when that baseline
/// has no data. The anomaly counts are null when DetectAnomalies failed; <c>finding_count</c> and
/// <c>high_finding_count</c> (material incidents, and of those the high ones: the report's findings) also for a day
/// analysed before incidents existed;
/// <c>analysis_complete</c> is false when any analysis step failed (the figures that did succeed are still there).
/// </summary>
internal static class CompanyDailyRows
{
    private static readonly (KeyMetric Metric, string Column)[] Figures =
    [
        (KeyMetric.NetRevenue, "net_revenue"),
        (KeyMetric.Transactions, "transactions"),
        (KeyMetric.Units, "units"),
        (KeyMetric.AverageBasket, "average_basket"),
        (KeyMetric.DiscountRate, "discount_rate"),
        (KeyMetric.Returns, "returns"),
        (KeyMetric.ReturnRate, "return_rate"),
    ];

    private static readonly (ComparisonBaseline Baseline, string Suffix)[] Baselines =
    [
        (ComparisonBaseline.PreviousDay, "prev_day"),
        (ComparisonBaseline.SameWeekdayLastWeek, "last_week"),
        (ComparisonBaseline.FourWeekSameWeekdayMean, "four_week_avg"),
    ];

    public static ExportTable<DailyInsights> Table { get; } = Declare();

    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, CancellationToken cancellationToken) =>
        await Table.WriteAsync(rows, insights, cancellationToken);

    private static ExportTable<DailyInsights> Declare()
    {
        var table = new ExportTable<DailyInsights>()
            .Text("currency", i => i.Company.Currency)
            .Integer("stores_trading", i => i.Company.StoresTrading)
            .Integer("transactions", i => i.Company.Totals.Transactions)
            .Integer("units", i => i.Company.Totals.Units)
            .Decimal("gross_sales", i => i.Company.Totals.GrossSales)
            .Decimal("discounts", i => i.Company.Totals.Discounts)
            .Integer("return_transactions", i => i.Company.Totals.ReturnTransactions)
            .Integer("units_returned", i => i.Company.Totals.UnitsReturned)
            .Decimal("returns", i => i.Company.Totals.Returns)
            .Decimal("net_revenue", i => i.Company.NetRevenue)
            .Decimal("average_basket", i => i.Company.AverageBasket)
            .Decimal("discount_rate", i => i.Company.DiscountRate)
            .Decimal("return_rate", i => i.Company.ReturnRate);
        foreach (var (metric, column) in Figures)
        {
            foreach (var (baseline, suffix) in Baselines)
            {
                table.Decimal($"{column}_{suffix}", i => Against(i.Company, metric, baseline)?.BaselineValue)
                     .Decimal($"{column}_vs_{suffix}_pct", i => Against(i.Company, metric, baseline)?.PercentChange);
            }
        }

        return table
            .Integer("four_week_avg_days", i => Against(i.Company, KeyMetric.NetRevenue, ComparisonBaseline.FourWeekSameWeekdayMean)?.BaselineDays)
            .Integer("anomaly_count", i => i.Anomalies?.Anomalies.Count)
            .Integer("high_anomaly_count", i => i.Anomalies?.Anomalies.Count(a => a.Severity == AnomalySeverity.High))
            .Integer("finding_count", i => i.Anomalies?.Incidents?.Count(f => f.Material))
            .Integer("high_finding_count", i => i.Anomalies?.Incidents?.Count(f => f.Material && f.Severity == AnomalySeverity.High))
            .Integer("recommendation_count", i => i.Recommendations.Count)
            .Boolean("analysis_complete", i => !i.HasErrors);
    }

    private static Comparison? Against(CompanyMetrics company, KeyMetric metric, ComparisonBaseline baseline) =>
        company.KeyFigures.FirstOrDefault(f => f.Metric == metric)?.Against(baseline);
}
