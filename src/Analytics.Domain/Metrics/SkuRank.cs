namespace Analytics.Domain.Metrics;

/// <summary>A SKU's chain-wide place on D (1 is the top; ties by SKU ordinal). <see cref="Share"/> is its percentage
/// of chain net revenue. <see cref="NetRevenue"/> is after <see cref="Returns"/> (refunded, positive);
/// <see cref="UnitsReturned"/> counts the units brought back.</summary>
public sealed record SkuRank(
    int Rank, string Sku, string Name, string Category, long Units, decimal NetRevenue, decimal Share, long UnitsReturned = 0, decimal Returns = 0m);
