using System.Diagnostics.CodeAnalysis;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Metrics;

/// <summary>
/// CalcProductMetrics: top SKUs, movers against their same-weekday baseline, category mix and SKUs that usually sell
/// at a store but sold nothing on D. Pure; linear in stores × SKUs sold.
/// <para>Returns: every figure is net of them (a SKU's net revenue is what it kept on D). A "top seller" must have
/// sold: the revenue list takes only SKUs whose net revenue is positive and the units list only SKUs that sold units,
/// so a SKU that was only brought back (or refunded more than it took) never ranks by a negative amount; it shows in
/// <see cref="ProductMetrics.TopByReturns"/> instead, which ranks the SKUs refunded on D by amount refunded.
/// Movers compare net revenue with net revenue, so a wave of returns shows as a decline.</para>
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injected domain service; steps depend on the instance.")]
public sealed class ProductMetricsCalculator
{
    /// <summary>Length of each top list (sellers and returns) and of each mover list.</summary>
    public const int TopCount = 10;

    /// <summary>A mover must have, on D or in its baseline, at least this percentage of the chain's net revenue on D,
    /// so that a SKU going from 2.00 to 9.00 does not top the list.</summary>
    public const decimal MoverMinimumSharePercent = 0.1m;

    /// <summary>Movers need a baseline of at least this many SKU weeks.</summary>
    public const int MoverMinimumWeeks = 2;

    /// <summary>
    /// "Usually sells" is k = n: the SKU sold at the store on every one of the n loaded SKU weeks (the last 4 same
    /// weekdays, n ≥ <see cref="MissingMinimumWeeks"/>), averaging at least this many units on them. With a Poisson
    /// demand of 3 units a day, a day without a sale has a probability of 5 %; slower SKUs are left out as noise.
    /// </summary>
    public const decimal MinimumAverageUnits = 3m;

    /// <summary>Fewest loaded SKU weeks for the missing-SKU rule.</summary>
    public const int MissingMinimumWeeks = 3;

    /// <summary>Most missing SKUs listed (all are counted).</summary>
    public const int MissingSkuLimit = 100;

    /// <param name="day">Every store that traded on <paramref name="date"/>, read with <see cref="SalesDetail.WithSkus"/>.</param>
    /// <exception cref="ArgumentException">As <see cref="CompanyMetricsCalculator.Calculate"/>.</exception>
    public ProductMetrics Calculate(DateOnly date, IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        var chain = CompanyMetricsCalculator.ChainDayOf(date, day, history);
        var revenue = chain.Totals.NetRevenue;
        var skus = SalesMerge.Skus(day.SelectMany(s => s.Skus));
        var weeks = history.SkuWeekIndexes;

        List<SkuRank> byRevenue = Top(skus.Where(s => s.NetRevenue > 0m).OrderByDescending(s => s.NetRevenue), revenue);
        List<SkuRank> byUnits = Top(skus.Where(s => s.Units > 0).OrderByDescending(s => s.Units), revenue);
        List<SkuRank> byReturns = Top(skus.Where(s => s.Returns > 0m).OrderByDescending(s => s.Returns), revenue);
        var movers = weeks.Count >= MoverMinimumWeeks ? Movers(skus, history, weeks, revenue) : [];
        List<SkuMover> gainers = [.. movers.Where(m => m.Change > 0m)
            .OrderByDescending(m => m.PercentChange ?? decimal.MaxValue).ThenByDescending(m => m.Change).ThenBy(m => m.Sku, StringComparer.Ordinal)
            .Take(TopCount)];
        List<SkuMover> decliners = [.. movers.Where(m => m.Change < 0m)
            .OrderBy(m => m.PercentChange).ThenBy(m => m.Change).ThenBy(m => m.Sku, StringComparer.Ordinal)
            .Take(TopCount)];
        var missing = weeks.Count >= MissingMinimumWeeks ? Missing(day, history, weeks.Count) : [];

        return new ProductMetrics(
            date, weeks.Count, byRevenue, byUnits, gainers, decliners, Mix(chain, history), [.. missing.Take(MissingSkuLimit)], missing.Count,
            byReturns);
    }

    private static List<SkuRank> Top(IOrderedEnumerable<SkuSales> ordered, decimal revenue) =>
    [
        .. ordered.ThenBy(s => s.Sku, StringComparer.Ordinal).Take(TopCount)
            .Select((s, i) => new SkuRank(
                i + 1, s.Sku, s.Name, s.Category, s.Units, s.NetRevenue, SalesMath.Share(s.NetRevenue, revenue), s.UnitsReturned, s.Returns)),
    ];

    private static List<SkuMover> Movers(IReadOnlyList<SkuSales> today, SalesHistory history, IReadOnlyList<int> weeks, decimal revenue)
    {
        var threshold = revenue * MoverMinimumSharePercent / 100m;
        var todayBySku = today.ToDictionary(s => s.Sku, StringComparer.Ordinal);
        List<SkuMover> movers = [];
        foreach (var sku in todayBySku.Keys.Union(history.ChainSkus.Keys, StringComparer.Ordinal))
        {
            var sold = todayBySku.GetValueOrDefault(sku);
            var past = history.ChainSkus.GetValueOrDefault(sku);
            var baseline = past is null ? 0m : SalesMath.Round2(weeks.Sum(w => past.NetRevenue[w]) / weeks.Count);
            var value = sold?.NetRevenue ?? 0m;
            if (Math.Max(value, baseline) < threshold || value == baseline)
            {
                continue;
            }

            movers.Add(new SkuMover(sku, sold?.Name ?? past!.Name, sold?.Category ?? past!.Category, value, baseline,
                                    value - baseline, SalesMath.PercentChange(value, baseline)));
        }

        return movers;
    }

    private static List<CategoryMix> Mix(ChainDaySummary chain, SalesHistory history)
    {
        List<ChainDaySummary> baseline = [.. history.SameWeekdays(SalesHistoryPlan.SkuWeeks).Select(history.ChainDay).OfType<ChainDaySummary>()];
        var baselineTotal = baseline.Sum(c => c.Totals.NetRevenue);
        var baselineByCategory = SalesMerge.Categories(baseline.SelectMany(c => c.Categories)).ToDictionary(c => c.Category, c => c.NetRevenue, StringComparer.Ordinal);
        var todayByCategory = chain.Categories.ToDictionary(c => c.Category, c => c.NetRevenue, StringComparer.Ordinal);
        return
        [
            .. todayByCategory.Keys.Union(baselineByCategory.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(category =>
            {
                var net = todayByCategory.GetValueOrDefault(category);
                var share = SalesMath.Share(net, chain.Totals.NetRevenue);
                decimal? baselineShare = baseline.Count == 0 ? null : SalesMath.Share(baselineByCategory.GetValueOrDefault(category), baselineTotal);
                return new CategoryMix(category, net, share, baselineShare, share - baselineShare);
            }),
        ];
    }

    private static List<MissingSku> Missing(IReadOnlyList<StoreDaySummary> day, SalesHistory history, int weeks)
    {
        List<MissingSku> missing = [];
        foreach (var store in day)
        {
            if (!history.StoreSkus.TryGetValue(store.StoreId, out var usual))
            {
                continue;
            }

            var soldToday = store.Skus.Where(s => s.Units > 0).Select(s => s.Sku).ToHashSet(StringComparer.Ordinal);
            foreach (var (sku, past) in usual)
            {
                var averageUnits = (decimal)past.Units / weeks;
                if (past.DaysSold < weeks || averageUnits < MinimumAverageUnits || soldToday.Contains(sku))
                {
                    continue;
                }

                var info = history.ChainSkus[sku];
                missing.Add(new MissingSku(store.StoreId, sku, info.Name, info.Category, past.DaysSold, weeks,
                                           SalesMath.Round2(averageUnits), SalesMath.Round2(past.NetRevenue / weeks)));
            }
        }

        return
        [
            .. missing.OrderByDescending(m => m.AverageNetRevenue).ThenBy(m => m.StoreId, StringComparer.Ordinal)
                .ThenBy(m => m.Sku, StringComparer.Ordinal),
        ];
    }
}
