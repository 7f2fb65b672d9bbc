using System.Diagnostics.CodeAnalysis;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// AnalyzeTrends: the chain's 7- and 28-day slopes, week-over-week and month-over-month growth, and the fastest
/// growing and declining stores and categories, all with the weekday pattern taken out (see
/// <see cref="SeriesTrend"/>). The chain and its categories use the chain series (D − 55 … D, factors from all of
/// it); stores use their own D − 27 … D. Pure; linear in stores × days.
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injected domain service; steps depend on the instance.")]
public sealed class TrendAnalyzer
{
    /// <summary>Stores and categories listed per direction.</summary>
    public const int RankedCount = 5;

    /// <summary>Days of the long window (and of the month in month over month).</summary>
    public const int LongWindow = 28;

    /// <summary>A ranked store or category must have sales on at least this many of the 28 days.</summary>
    public const int MinimumDaysWithSales = 21;

    /// <summary>A ranked store's mean daily revenue must be at least this fraction of the mean store's (25 %).</summary>
    public const decimal MinimumStoreVolume = 0.25m;

    /// <summary>A ranked category must have at least this percentage of the chain's revenue over the 28 days.</summary>
    public const decimal MinimumCategorySharePercent = 1m;

    private const int ShortWindow = 7;

    /// <exception cref="ArgumentException">As <see cref="CompanyMetricsCalculator.Calculate"/>.</exception>
    public TrendReport Analyze(DateOnly date, IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        var chain = CompanyMetricsCalculator.ChainDayOf(date, day, history);
        var chainDays = new List<ChainDaySummary>();
        for (var d = date.AddDays(-2 * LongWindow + 1); d < date; d = d.AddDays(1))
        {
            if (history.ChainDay(d) is { } c)
            {
                chainDays.Add(c);
            }
        }

        chainDays.Add(chain);
        var chainTrend = ChainTrend(date, chainDays, history);
        var stores = StoreTrends(date, day, history);
        var categories = CategoryTrends(date, chainDays);
        return new TrendReport(
            date, chainTrend,
            Growing(stores), Declining(stores), Growing(categories), Declining(categories),
            stores.Count, categories.Count);
    }

    private static SeriesTrend ChainTrend(DateOnly date, List<ChainDaySummary> days, SalesHistory history)
    {
        var series = new DeseasonalizedSeries([.. days.Select(d => (d.BusinessDate.DayNumber, (double)d.Totals.NetRevenue))]);
        var revenue = days.ToDictionary(d => d.BusinessDate, d => d.Totals.NetRevenue);
        var shortSlope = series.Slope(date.DayNumber, ShortWindow, 5);
        var longSlope = series.Slope(date.DayNumber, LongWindow, LongWindow / 2);
        return new SeriesTrend(
            Round(shortSlope?.PerDay), Round(shortSlope?.Percent), Round(longSlope?.PerDay), Round(longSlope?.Percent),
            Growth(date, ShortWindow, revenue, history), Growth(date, LongWindow, revenue, history),
            series.PatternRemoved, [.. series.Factors.Select(f => decimal.Round((decimal)f, 4, MidpointRounding.ToEven))]);
    }

    /// <summary>The last <paramref name="days"/> days against the <paramref name="days"/> before, raw sums.</summary>
    private static decimal? Growth(DateOnly date, int days, Dictionary<DateOnly, decimal> revenue, SalesHistory history)
    {
        decimal recent = 0m, earlier = 0m;
        for (var back = 0; back < 2 * days; back++)
        {
            var d = date.AddDays(-back);
            if (back > 0 && !history.HasChainDate(d))
            {
                return null;
            }

            var value = revenue.GetValueOrDefault(d);
            if (back < days)
            {
                recent += value;
            }
            else
            {
                earlier += value;
            }
        }

        return SalesMath.PercentChange(recent, earlier);
    }

    private static List<EntityTrend> StoreTrends(DateOnly date, IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        var series = new Dictionary<string, List<(int Day, double Value, decimal Revenue)>>(StringComparer.Ordinal);
        void Add(StoreDaySummary store)
        {
            if (!series.TryGetValue(store.StoreId, out var points))
            {
                points = [];
                series.Add(store.StoreId, points);
            }

            points.Add((store.BusinessDate.DayNumber, (double)store.Totals.NetRevenue, store.Totals.NetRevenue));
        }

        for (var back = LongWindow - 1; back >= 1; back--)
        {
            foreach (var store in history.StoreDays(date.AddDays(-back)).Values)
            {
                Add(store);
            }
        }

        foreach (var store in day)
        {
            Add(store);
        }

        var means = series.ToDictionary(p => p.Key, p => p.Value.Sum(v => v.Revenue) / LongWindow, StringComparer.Ordinal);
        var floor = means.Count == 0 ? 0m : means.Values.Average() * MinimumStoreVolume;
        return [.. series.Where(p => p.Value.Count >= MinimumDaysWithSales && means[p.Key] >= floor)
            .Select(p => Trend(ContributorKind.Store, p.Key, date, p.Value, means[p.Key])).OfType<EntityTrend>()];
    }

    private static List<EntityTrend> CategoryTrends(DateOnly date, List<ChainDaySummary> chainDays)
    {
        var first = date.AddDays(-LongWindow + 1);
        var window = chainDays.Where(c => c.BusinessDate >= first).ToList();
        var total = window.Sum(c => c.Totals.NetRevenue);
        var series = new Dictionary<string, List<(int Day, double Value, decimal Revenue)>>(StringComparer.Ordinal);
        foreach (var chainDay in chainDays)
        {
            foreach (var category in chainDay.Categories)
            {
                if (!series.TryGetValue(category.Category, out var points))
                {
                    points = [];
                    series.Add(category.Category, points);
                }

                points.Add((chainDay.BusinessDate.DayNumber, (double)category.NetRevenue, category.NetRevenue));
            }
        }

        List<EntityTrend> trends = [];
        foreach (var (category, points) in series)
        {
            var inWindow = points.Where(p => p.Day >= first.DayNumber).ToList();
            var revenue = inWindow.Sum(p => p.Revenue);
            if (inWindow.Count >= MinimumDaysWithSales && SalesMath.Share(revenue, total) >= MinimumCategorySharePercent
                && Trend(ContributorKind.Category, category, date, points, revenue / LongWindow, inWindow.Count) is { } trend)
            {
                trends.Add(trend);
            }
        }

        return trends;
    }

    private static EntityTrend? Trend(ContributorKind kind, string id, DateOnly date, List<(int Day, double Value, decimal Revenue)> points, decimal mean, int? daysWithSales = null)
    {
        var series = new DeseasonalizedSeries([.. points.Select(p => (p.Day, p.Value))]);
        return series.Slope(date.DayNumber, LongWindow, LongWindow / 2) is { } slope
            ? new EntityTrend(kind, id, daysWithSales ?? points.Count, SalesMath.Round2(mean), Round(slope.PerDay)!.Value, Round(slope.Percent)!.Value)
            : null;
    }

    private static List<EntityTrend> Growing(List<EntityTrend> trends) =>
        [.. trends.Where(t => t.SlopePercent > 0m).OrderByDescending(t => t.SlopePercent).ThenBy(t => t.Id, StringComparer.Ordinal).Take(RankedCount)];

    private static List<EntityTrend> Declining(List<EntityTrend> trends) =>
        [.. trends.Where(t => t.SlopePercent < 0m).OrderBy(t => t.SlopePercent).ThenBy(t => t.Id, StringComparer.Ordinal).Take(RankedCount)];

    private static decimal? Round(double? value) =>
        value is { } v && double.IsFinite(v) ? decimal.Round((decimal)v, 2, MidpointRounding.ToEven) : null;
}
