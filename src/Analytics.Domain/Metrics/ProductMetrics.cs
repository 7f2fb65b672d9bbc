namespace Analytics.Domain.Metrics;

/// <summary>
/// The chain's product figures for D. <see cref="SkuWeeks"/> says how many same-weekday SKU baselines were loaded
/// (0 leaves movers, mix baselines and missing SKUs empty). <see cref="MissingSkus"/> holds at most
/// <see cref="ProductMetricsCalculator.MissingSkuLimit"/> entries, the costliest first; <see cref="MissingSkuCount"/>
/// counts them all. <see cref="TopByReturns"/> lists the SKUs refunded most on D (only those with returns).
/// </summary>
public sealed record ProductMetrics(
    DateOnly Date,
    int SkuWeeks,
    IReadOnlyList<SkuRank> TopByRevenue,
    IReadOnlyList<SkuRank> TopByUnits,
    IReadOnlyList<SkuMover> Gainers,
    IReadOnlyList<SkuMover> Decliners,
    IReadOnlyList<CategoryMix> CategoryMix,
    IReadOnlyList<MissingSku> MissingSkus,
    int MissingSkuCount,
    IReadOnlyList<SkuRank> TopByReturns);
