using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// The data one <see cref="AnomalyDetector.Detect"/> run explains anomalies with: every store's day and baseline
/// days, the chain's categories and the SKU weeks. Built once per run (linear in stores × baseline dates).
/// </summary>
internal sealed class DetectionScope
{
    private readonly IReadOnlyList<StoreDaySummary> _day;
    private readonly SalesHistory _history;
    private readonly List<ChainDaySummary> _chainPast;
    private readonly ChainDaySummary _chain;
    private Dictionary<string, (string Category, decimal NetRevenue)>? _skusToday;

    public DetectionScope(DateOnly date, IReadOnlyList<StoreDaySummary> day, SalesHistory history, IReadOnlyList<DateOnly> dates)
    {
        _day = day;
        _history = history;
        _chain = SalesMerge.ChainDay(date, day);
        _chainPast = [.. dates.Select(history.ChainDay).OfType<ChainDaySummary>()];
        Stores = new Dictionary<string, StoreBaseline>(StringComparer.Ordinal);
        foreach (var store in day)
        {
            Baseline(store.StoreId).TodaySummary = store;
        }

        foreach (var date2 in dates)
        {
            foreach (var store in history.StoreDays(date2).Values)
            {
                Baseline(store.StoreId).PastDays.Add(store);
            }
        }
    }

    public Dictionary<string, StoreBaseline> Stores { get; }

    public SalesHistory History => _history;

    /// <summary>Stores that moved the chain's figure the anomaly's way.</summary>
    public IEnumerable<AnomalyContributor> StoreContributors(Anomaly anomaly) =>
        Pick(anomaly, Stores.Values.Select(s => Part(ContributorKind.Store, s.StoreId, anomaly.Metric, s.Today, s.Past)));

    /// <summary>Categories that moved the chain's figure the anomaly's way.</summary>
    public IEnumerable<AnomalyContributor> CategoryContributors(Anomaly anomaly) =>
        Pick(anomaly, _chain.Categories.Select(c => c.Category).Concat(_chainPast.SelectMany(c => c.Categories).Select(c => c.Category))
            .Distinct(StringComparer.Ordinal)
            .Select(category => Part(ContributorKind.Category, category, anomaly.Metric,
                                     AnomalyDetector.CategoryFigures(_chain.Categories, category),
                                     [.. _chainPast.Select(c => AnomalyDetector.CategoryFigures(c.Categories, category))])));

    /// <summary>A store's categories that moved its figure the anomaly's way.</summary>
    public static IReadOnlyList<AnomalyContributor> StoreCategoryContributors(StoreBaseline store, Anomaly anomaly)
    {
        var today = store.TodaySummary?.Categories ?? [];
        return
        [
            .. Pick(anomaly, today.Select(c => c.Category).Concat(store.PastDays.SelectMany(d => d.Categories).Select(c => c.Category))
                .Distinct(StringComparer.Ordinal)
                .Select(category => Part(ContributorKind.Category, category, anomaly.Metric, AnomalyDetector.CategoryFigures(today, category),
                                         [.. store.PastDays.Select(d => AnomalyDetector.CategoryFigures(d.Categories, category))]))),
        ];
    }

    /// <summary>Stores whose sales of <paramref name="category"/> moved the anomaly's way.</summary>
    public IEnumerable<AnomalyContributor> CategoryStoreContributors(string category, Anomaly anomaly) =>
        Pick(anomaly, Stores.Values.Select(s => Part(
            ContributorKind.Store, s.StoreId, anomaly.Metric,
            s.TodaySummary is null ? DayFigures.None : AnomalyDetector.CategoryFigures(s.TodaySummary.Categories, category),
            [.. s.PastDays.Select(d => AnomalyDetector.CategoryFigures(d.Categories, category))])));

    /// <summary>SKUs of <paramref name="category"/> whose chain-wide net revenue moved the anomaly's way (always
    /// measured in net revenue, against the median of the loaded SKU weeks; none with fewer than 2 such weeks). A SKU
    /// sold on D but in none of those weeks is a part too, with a median of 0: a new SKU's big order is what moved
    /// the category, not something to leave out.</summary>
    public IEnumerable<AnomalyContributor> SkuContributors(string category, Anomaly anomaly)
    {
        var weeks = _history.SkuWeekIndexes;
        if (weeks.Count < 2)
        {
            return [];
        }

        _skusToday ??= _day.SelectMany(s => s.Skus).GroupBy(s => s.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Category, NetRevenue: g.Sum(s => s.NetRevenue)), StringComparer.Ordinal);
        var revenueAnomaly = anomaly with { Metric = AnomalyMetric.NetRevenue };
        var known = _history.ChainSkus.Values.Where(s => s.Category == category).Select(s =>
        {
            var median = RobustBaseline.MedianOf([.. weeks.Select(w => s.NetRevenue[w])]);
            var value = _skusToday.TryGetValue(s.Sku, out var today) ? today.NetRevenue : 0m;
            return new AnomalyContributor(ContributorKind.Sku, s.Sku, value, median, value - median, 0m);
        });
        var newToday = _skusToday.Where(s => s.Value.Category == category && !_history.ChainSkus.ContainsKey(s.Key))
            .Select(s => new AnomalyContributor(ContributorKind.Sku, s.Key, s.Value.NetRevenue, 0m, s.Value.NetRevenue, 0m));
        return Pick(revenueAnomaly, known.Concat(newToday));
    }

    private static AnomalyContributor Part(ContributorKind kind, string id, AnomalyMetric metric, DayFigures today, IReadOnlyList<DayFigures> past)
    {
        List<decimal> points = [.. past.Select(p => p.Of(metric)).OfType<decimal>()];
        var median = points.Count == 0 ? 0m : RobustBaseline.MedianOf([.. points]);
        var value = today.Of(metric);
        var deviation = metric == AnomalyMetric.AverageBasket
            ? value is null ? 0m : (value.Value - median) * today.Transactions
            : (value ?? 0m) - median;
        return new AnomalyContributor(kind, id, value ?? 0m, median, deviation, 0m);
    }

    /// <summary>The parts that moved the anomaly's way, largest first, with their share of that movement.</summary>
    private static IEnumerable<AnomalyContributor> Pick(Anomaly anomaly, IEnumerable<AnomalyContributor> parts)
    {
        var direction = Math.Sign(anomaly.Value - anomaly.Median);
        List<AnomalyContributor> moved = [.. parts.Where(p => Math.Sign(p.Deviation) == direction && direction != 0)];
        var total = moved.Sum(p => p.Deviation);
        return moved.OrderByDescending(p => Math.Abs(p.Deviation)).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(AnomalyDetector.ContributorCount)
            .Select(p => p with { Share = SalesMath.Share(p.Deviation, total) });
    }

    private StoreBaseline Baseline(string storeId)
    {
        if (!Stores.TryGetValue(storeId, out var baseline))
        {
            baseline = new StoreBaseline(storeId);
            Stores.Add(storeId, baseline);
        }

        return baseline;
    }
}
