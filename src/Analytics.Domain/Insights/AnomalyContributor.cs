namespace Analytics.Domain.Insights;

/// <summary>
/// A part of an anomalous subject that moved the same way, against its own same-weekday median. For revenue and
/// basket anomalies <see cref="Deviation"/> is money (for a basket anomaly: the part's basket change × its
/// transactions on D, its revenue effect); for transactions it is a count. <see cref="Share"/> is its percentage of
/// the summed deviations of all parts that moved in the anomaly's direction (so the listed shares add up to at most
/// 100), 2 places. A part without sales on D counts as 0; a part without history has a median of 0.
/// </summary>
public sealed record AnomalyContributor(ContributorKind Kind, string Id, decimal Value, decimal Median, decimal Deviation, decimal Share);
