using Analytics.Domain.Analysis;

namespace Analytics.Domain.Exports;

/// <summary>
/// <c>anomalies</c>: one row per anomaly, in the report's rank order (<c>rank</c> 1 first). Enums are snake_case
/// (<c>store</c>, <c>net_revenue</c>, <c>high</c>). The contributor columns describe the one with the largest
/// absolute deviation (the first listed on a tie); null when there is none. No rows when DetectAnomalies failed or
/// found nothing.
/// </summary>
internal static class AnomalyRows
{
    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, CancellationToken cancellationToken)
    {
        var rank = 0;
        foreach (var anomaly in insights.Anomalies?.Anomalies ?? [])
        {
            var top = anomaly.Contributors.Count == 0 ? null : anomaly.Contributors.MaxBy(c => Math.Abs(c.Deviation));
            var json = rows.StartRow();
            json.WriteNumber("rank", ++rank);
            json.WriteString("subject", ExportJson.Snake(anomaly.Subject));
            json.WriteString("subject_id", anomaly.SubjectId);
            json.WriteString("metric", ExportJson.Snake(anomaly.Metric));
            json.WriteString("severity", ExportJson.Snake(anomaly.Severity));
            json.WriteNumber("value", anomaly.Value);
            json.WriteNumber("median", anomaly.Median);
            json.WriteNumber("expected_low", anomaly.ExpectedLow);
            json.WriteNumber("expected_high", anomaly.ExpectedHigh);
            json.WriteDoubleOrNull("z_score", anomaly.ZScore);
            json.WriteDecimalOrNull("percent_change", anomaly.PercentChange);
            json.WriteNumber("baseline_points", anomaly.BaselinePoints);
            json.WriteNumber("contributor_count", anomaly.Contributors.Count);
            json.WriteString("top_contributor_kind", top is null ? null : ExportJson.Snake(top.Kind));
            json.WriteString("top_contributor_id", top?.Id);
            json.WriteDecimalOrNull("top_contributor_value", top?.Value);
            json.WriteDecimalOrNull("top_contributor_median", top?.Median);
            json.WriteDecimalOrNull("top_contributor_deviation", top?.Deviation);
            json.WriteDecimalOrNull("top_contributor_share_pct", top?.Share);
            await rows.EndRowAsync(cancellationToken);
        }
    }
}
