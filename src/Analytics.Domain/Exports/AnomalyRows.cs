using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Exports;

/// <summary>
/// <c>anomalies</c>: one row per anomaly, in the report's rank order (<c>rank</c> 1 first). Enums are snake_case
/// (<c>store</c>, <c>net_revenue</c>, <c>high</c>). The contributor columns describe the one with the largest
/// absolute deviation (the first listed on a tie); null when there is none. No rows when DetectAnomalies failed or
/// found nothing.
/// </summary>
internal static class AnomalyRows
{
    public static ExportTable<Row> Table { get; } = new ExportTable<Row>()
        .Integer("rank", r => r.Rank)
        .Text("subject", r => ExportJson.Snake(r.Anomaly.Subject))
        .Text("subject_id", r => r.Anomaly.SubjectId)
        .Text("metric", r => ExportJson.Snake(r.Anomaly.Metric))
        .Text("severity", r => ExportJson.Snake(r.Anomaly.Severity))
        .Decimal("value", r => r.Anomaly.Value)
        .Decimal("median", r => r.Anomaly.Median)
        .Decimal("expected_low", r => r.Anomaly.ExpectedLow)
        .Decimal("expected_high", r => r.Anomaly.ExpectedHigh)
        .Double("z_score", r => r.Anomaly.ZScore)
        .Decimal("percent_change", r => r.Anomaly.PercentChange)
        .Integer("baseline_points", r => r.Anomaly.BaselinePoints)
        .Integer("contributor_count", r => r.Anomaly.Contributors.Count)
        .Text("top_contributor_kind", r => r.Top is null ? null : ExportJson.Snake(r.Top.Kind))
        .Text("top_contributor_id", r => r.Top?.Id)
        .Decimal("top_contributor_value", r => r.Top?.Value)
        .Decimal("top_contributor_median", r => r.Top?.Median)
        .Decimal("top_contributor_deviation", r => r.Top?.Deviation)
        .Decimal("top_contributor_share_pct", r => r.Top?.Share);

    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, CancellationToken cancellationToken)
    {
        var rank = 0;
        foreach (var anomaly in insights.Anomalies?.Anomalies ?? [])
        {
            var top = anomaly.Contributors.Count == 0 ? null : anomaly.Contributors.MaxBy(c => Math.Abs(c.Deviation));
            await Table.WriteAsync(rows, new Row(++rank, anomaly, top), cancellationToken);
        }
    }

    /// <summary>An anomaly at its rank, with the contributor its columns describe.</summary>
    internal sealed record Row(int Rank, Anomaly Anomaly, AnomalyContributor? Top);
}
