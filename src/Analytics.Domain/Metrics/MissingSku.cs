namespace Analytics.Domain.Metrics;

/// <summary>
/// A SKU that usually sells at a store but sold nothing there on D (see
/// <see cref="ProductMetricsCalculator.MinimumAverageUnits"/> for the rule). Averages are per checked day,
/// 2 places; <see cref="AverageNetRevenue"/> estimates the sales lost if it was out of stock.
/// </summary>
public sealed record MissingSku(string StoreId, string Sku, string Name, string Category, int DaysSold, int DaysChecked, decimal AverageUnits, decimal AverageNetRevenue);
