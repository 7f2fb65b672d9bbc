namespace Analytics.Domain.Metrics;

/// <summary>
/// The chain's sales of one SKU on each SKU week of a <see cref="SalesHistory"/>: index i is the date
/// D − 7(i + 1) (see <see cref="SalesHistory.SkuWeekIndexes"/> for those loaded); 0 where the SKU did not sell. <see cref="Name"/> and
/// <see cref="Category"/> are the ordinal-smallest seen, so the result does not depend on reading order.
/// </summary>
public sealed record SkuHistory(string Sku, string Name, string Category, IReadOnlyList<decimal> NetRevenue, IReadOnlyList<long> Units);
