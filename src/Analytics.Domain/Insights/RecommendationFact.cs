namespace Analytics.Domain.Insights;

/// <summary>
/// One number a recommendation rests on, copied exactly from the metrics or insights (never recomputed):
/// <see cref="Figure"/> names it as the source record does (<c>NetRevenue</c>, <c>Median</c>, <c>PercentChange</c>,
/// <c>AverageNetRevenue</c>, …). <see cref="SubjectId"/> is <see cref="Anomaly.ChainId"/>, a store id, a category or
/// a SKU.
/// </summary>
public sealed record RecommendationFact(FactSubject Subject, string SubjectId, string Figure, decimal Value);
