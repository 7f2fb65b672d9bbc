namespace Analytics.Domain.Insights;

/// <summary>
/// One figure of D outside its same-weekday baseline. <see cref="ExpectedLow"/>..<see cref="ExpectedHigh"/> is
/// median ± 2.5 × scale (the medium band; 2 places, low end ≥ 0); <see cref="PercentChange"/> is against the median
/// (null when it is 0); <see cref="ZScore"/> is rounded to 2 places. <see cref="Contributors"/> are ordered by
/// deviation, largest first, at most <see cref="AnomalyDetector.ContributorCount"/> of each kind.
/// </summary>
public sealed record Anomaly(
    AnomalySubject Subject,
    string SubjectId,
    AnomalyMetric Metric,
    AnomalySeverity Severity,
    decimal Value,
    decimal Median,
    decimal ExpectedLow,
    decimal ExpectedHigh,
    double ZScore,
    decimal? PercentChange,
    int BaselinePoints,
    IReadOnlyList<AnomalyContributor> Contributors)
{
    /// <summary>The subject id of chain-wide anomalies.</summary>
    public const string ChainId = "chain";
}
