using Analytics.Domain.Insights;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// One item a manager reads as a finding of the day. <see cref="Mentions"/> are the ids it names (its subject, its
/// contributors' stores, categories and SKUs, transaction ids once findings carry them), to match a known event.
/// </summary>
internal sealed record Finding(string Title, bool High, bool NoSales, string? StoreId, IReadOnlyList<string> Mentions);

/// <summary>
/// What the benchmark counts as a finding, in this one place. Today every anomaly of the DetectAnomalies report is
/// one, in its ranked order (the first is the day's top finding); when related anomalies become incidents, count
/// the incidents here instead and every figure of the benchmark follows.
/// </summary>
internal static class Findings
{
    public static IReadOnlyList<Finding> Of(DayAnalysis day) =>
    [
        .. day.Anomalies.Anomalies.Select(a => new Finding(
            Describe(a),
            a.Severity == AnomalySeverity.High,
            a.Metric == AnomalyMetric.NoSales,
            a.Subject == AnomalySubject.Store ? a.SubjectId : null,
            [a.SubjectId, .. a.Contributors.Select(c => c.Id)])),
    ];

    /// <summary>Whether the day was flagged as incomplete (data not all there). The analysis has no such flag yet:
    /// wire it here when it does.</summary>
    public static bool FlaggedIncomplete(DayAnalysis day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return false;
    }

    private static string Describe(Anomaly a) =>
        FormattableString.Invariant(
            $"{a.Severity} {a.Subject} {a.SubjectId} {a.Metric} {a.Value} vs {a.Median} ({a.PercentChange?.ToString("+0.#;-0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"}%), contributors: {(a.Contributors.Count == 0 ? "none" : string.Join(", ", a.Contributors.Select(c => c.Id)))}");
}
