namespace Analytics.Domain.Metrics;

/// <summary>
/// A SKU whose chain-wide net revenue on D moved against its baseline: the mean of its revenue on the loaded SKU
/// weeks (D − 7 … D − 28; 0 on a week it did not sell), 2 places. <see cref="PercentChange"/> is null for a SKU
/// without baseline sales (new or returning).
/// </summary>
public sealed record SkuMover(string Sku, string Name, string Category, decimal NetRevenue, decimal BaselineRevenue, decimal Change, decimal? PercentChange);
