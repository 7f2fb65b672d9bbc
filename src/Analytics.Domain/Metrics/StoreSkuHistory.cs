namespace Analytics.Domain.Metrics;

/// <summary>
/// One SKU at one store over the SKU weeks of a <see cref="SalesHistory"/> (the same weekdays D − 7 … D − 28 that
/// were loaded with SKU lines): on how many of them it sold (units &gt; 0), and what it sold on them in all.
/// A value type so that millions of store-SKU pairs stay compact.
/// </summary>
public readonly record struct StoreSkuHistory(int DaysSold, long Units, decimal NetRevenue);
