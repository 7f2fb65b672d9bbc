using System.Text.Json;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Exports;

/// <summary>
/// <c>company_daily</c>: the chain's one row. For each headline figure (<c>net_revenue</c>, <c>transactions</c>,
/// <c>units</c>, <c>average_basket</c>, <c>discount_rate</c>) it has the baseline value and the percent change
/// against the previous day (<c>_prev_day</c>), the same weekday last week (<c>_last_week</c>) and the mean of the
/// four same weekdays before (<c>_four_week_avg</c>), as <see cref="Comparison"/> has them; null when that baseline
/// has no data. The anomaly counts are null when DetectAnomalies failed;
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
    ];

    private static readonly (ComparisonBaseline Baseline, string Suffix)[] Baselines =
    [
        (ComparisonBaseline.PreviousDay, "prev_day"),
        (ComparisonBaseline.SameWeekdayLastWeek, "last_week"),
        (ComparisonBaseline.FourWeekSameWeekdayMean, "four_week_avg"),
    ];

    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, CancellationToken cancellationToken)
    {
        var company = insights.Company;
        var json = rows.StartRow();
        json.WriteString("currency", company.Currency);
        json.WriteNumber("stores_trading", company.StoresTrading);
        json.WriteNumber("transactions", company.Totals.Transactions);
        json.WriteNumber("units", company.Totals.Units);
        json.WriteNumber("gross_sales", company.Totals.GrossSales);
        json.WriteNumber("discounts", company.Totals.Discounts);
        json.WriteNumber("net_revenue", company.NetRevenue);
        json.WriteNumber("average_basket", company.AverageBasket);
        json.WriteNumber("discount_rate", company.DiscountRate);
        WriteComparisons(json, company);

        var anomalies = insights.Anomalies?.Anomalies;
        json.WriteIntOrNull("anomaly_count", anomalies?.Count);
        json.WriteIntOrNull("high_anomaly_count", anomalies?.Count(a => a.Severity == AnomalySeverity.High));
        json.WriteNumber("recommendation_count", insights.Recommendations.Count);
        json.WriteBoolean("analysis_complete", !insights.HasErrors);
        await rows.EndRowAsync(cancellationToken);
    }

    private static void WriteComparisons(Utf8JsonWriter json, CompanyMetrics company)
    {
        foreach (var (metric, column) in Figures)
        {
            var figure = company.KeyFigures.FirstOrDefault(f => f.Metric == metric);
            foreach (var (baseline, suffix) in Baselines)
            {
                var comparison = figure?.Against(baseline);
                json.WriteDecimalOrNull($"{column}_{suffix}", comparison?.BaselineValue);
                json.WriteDecimalOrNull($"{column}_vs_{suffix}_pct", comparison?.PercentChange);
            }
        }

        json.WriteIntOrNull("four_week_avg_days",
                            company.KeyFigures.FirstOrDefault(f => f.Metric == KeyMetric.NetRevenue)?.Against(ComparisonBaseline.FourWeekSameWeekdayMean)?.BaselineDays);
    }
}
