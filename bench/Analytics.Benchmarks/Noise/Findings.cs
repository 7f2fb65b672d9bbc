using Analytics.Domain.Insights;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// One item a manager reads as a finding of the day. <see cref="Mentions"/> are the ids it names (its subject, its
/// contributors' stores, categories and SKUs, transaction ids once findings carry them), to match a known event.
/// </summary>
internal sealed record Finding(string Title, bool High, bool NoSales, string? StoreId, IReadOnlyList<string> Mentions);

/// <summary>
/// What the benchmark counts as a finding, in this one place: every material incident of the DetectAnomalies report
/// (the e-mail's headline findings), in its ranked order (the first is the day's top finding). A report without
/// incidents counts each anomaly, as before incidents existed.
/// </summary>
internal static class Findings
{
    public static IReadOnlyList<Finding> Of(DayAnalysis day) => day.Anomalies.Incidents is { } incidents
        ?
        [
            .. incidents.Where(i => i.Material).Select(i => new Finding(
                Describe(i),
                i.Severity == AnomalySeverity.High,
                i.Facets.Any(a => a.Metric == AnomalyMetric.NoSales),
                i.Cause == IncidentCause.Store ? i.CauseId : i.Order?.StoreId,
                [
                    i.CauseId, .. i.Order is { } o ? (string[])[o.Receipt.TopLine.Sku, o.StoreId] : [],
                    .. i.Facets.SelectMany(a => a.Contributors.Select(c => c.Id).Prepend(a.SubjectId)),
                ])),
        ]
        :
        [
            .. day.Anomalies.Anomalies.Select(a => new Finding(
                Describe(a),
                a.Severity == AnomalySeverity.High,
                a.Metric == AnomalyMetric.NoSales,
                a.Subject == AnomalySubject.Store ? a.SubjectId : null,
                [a.SubjectId, .. a.Contributors.Select(c => c.Id)])),
        ];

    /// <summary>Whether the day was flagged as incomplete (data not all there): a store-day of it ends hours early.</summary>
    public static bool FlaggedIncomplete(DayAnalysis day) => day.Anomalies.IncompleteDays is { Count: > 0 };

    private static string Describe(Incident i) =>
        FormattableString.Invariant(
            $"{i.Severity} {i.Cause} {i.CauseId} impact {i.Impact:0.##}{(i.Order is { } o ? $" ({o.StoreId} {o.Receipt.Timestamp:HH:mm}, {o.Receipt.TopLine.Quantity} x {o.Receipt.TopLine.Sku} at {o.Receipt.TopLine.UnitPrice}, {o.ShareOfChainDay:P0} of the chain)" : "")}: ")
        + (i.Facets.Count == 0 ? "no figure out of range" : string.Join(" | ", i.Facets.Select(Describe)));

    private static string Describe(Anomaly a) =>
        FormattableString.Invariant(
            $"{a.Severity} {a.Subject} {a.SubjectId} {a.Metric} {a.Value} vs {a.Median} ({a.PercentChange?.ToString("+0.#;-0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"}%), contributors: {(a.Contributors.Count == 0 ? "none" : string.Join(", ", a.Contributors.Select(c => c.Id)))}");
}
