using System.Diagnostics.CodeAnalysis;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// AnalyzeTrends: the chain's 7- and 28-day slopes, week-over-week and month-over-month growth, and the fastest
/// growing and declining stores and categories, all with the weekday pattern taken out (see
/// <see cref="SeriesTrend"/>). The chain and its categories use the chain series (D − 55 … D, factors from all of
/// it); stores use their own D − 27 … D. Pure; linear in stores × days.
/// <para>Missing is not zero: a day without sales (a closure, a Saturday of a business closed on Saturdays, a day
/// before the data start: the history cannot tell them apart) is left out of every series, mean and growth rather
/// than counted as a day of no revenue. Growth compares means per trading day; a store's or category's mean is per
/// day it was trading (see <see cref="MeanPerTradingDay"/>).</para>
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

    /// <summary>A ranked store's mean net revenue per trading day must be at least this fraction of the mean store's (25 %).</summary>
    public const decimal MinimumStoreVolume = 0.25m;

    /// <summary>A ranked category must have at least this percentage of the chain's revenue over the 28 days.</summary>
    public const decimal MinimumCategorySharePercent = 1m;

    /// <summary>Week over week and month over month need each period to have traded on at least 2/3 of its days on
    /// the chain's trading weekdays (4 of 6 in a week of a business closed on Saturdays, 16 of 24 in four weeks), so
    /// a bank holiday or two still gives a figure but a period around a long closure or the data start does not.</summary>
    public const int MinimumTradingShareNumerator = 2;

    /// <inheritdoc cref="MinimumTradingShareNumerator"/>
    public const int MinimumTradingShareDenominator = 3;

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
        var tradingWeekdays = new bool[7];
        foreach (var day in days)
        {
            tradingWeekdays[DeseasonalizedSeries.Weekday(day.BusinessDate.DayNumber)] = true;
        }

        var shortSlope = series.Slope(date.DayNumber, ShortWindow, 5);
        var longSlope = series.Slope(date.DayNumber, LongWindow, LongWindow / 2);
        return new SeriesTrend(
            Round(shortSlope?.PerDay), Round(shortSlope?.Percent), Round(longSlope?.PerDay), Round(longSlope?.Percent),
            Growth(date, ShortWindow, revenue, tradingWeekdays, history), Growth(date, LongWindow, revenue, tradingWeekdays, history),
            series.PatternRemoved, [.. series.Factors.Select(f => decimal.Round((decimal)f, 4, MidpointRounding.ToEven))]);
    }

    /// <summary>
    /// Mean net revenue per trading day of the last <paramref name="days"/> days against the <paramref name="days"/>
    /// before, in percent; null when a period is not comparable (see <see cref="TradingPeriod"/>).
    /// </summary>
    private static decimal? Growth(DateOnly date, int days, Dictionary<DateOnly, decimal> revenue, bool[] tradingWeekdays, SalesHistory history) =>
        TradingPeriod(date, date, days, revenue, tradingWeekdays, history) is { } recent
        && TradingPeriod(date, date.AddDays(-days), days, revenue, tradingWeekdays, history) is { } earlier
            ? SalesMath.PercentChange(recent, earlier)
            : null;

    /// <summary>
    /// The chain's mean net revenue per trading day (a day with sales) over the <paramref name="days"/> days ending
    /// at <paramref name="last"/>. Days without sales are unknown, not 0: the history cannot tell a closure from a
    /// day before the data start (both are loaded dates without sales), and neither is a day of low sales. Null when
    /// a date of the period was not loaded, or the period traded on fewer than
    /// <see cref="MinimumTradingShareNumerator"/>/<see cref="MinimumTradingShareDenominator"/> of its days on the
    /// chain's trading weekdays (those with a sale in D − 55 … D): then its mean rests on a few odd days (around a
    /// closure, or the first days of the data), not on the period.
    /// </summary>
    private static decimal? TradingPeriod(DateOnly date, DateOnly last, int days, Dictionary<DateOnly, decimal> revenue, bool[] tradingWeekdays, SalesHistory history)
    {
        var sum = 0m;
        int traded = 0, usual = 0;
        for (var d = last.AddDays(1 - days); d <= last; d = d.AddDays(1))
        {
            if (d != date && !history.HasChainDate(d))
            {
                return null;
            }

            usual += tradingWeekdays[DeseasonalizedSeries.Weekday(d.DayNumber)] ? 1 : 0;
            if (revenue.TryGetValue(d, out var value))
            {
                sum += value;
                traded++;
            }
        }

        return traded == 0 || traded * MinimumTradingShareDenominator < usual * MinimumTradingShareNumerator ? null : sum / traded;
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

        // A date counts as a trading day when some store sold on it: a date not loaded, a closure and a date before
        // the data start have no store-days and are unknown to every store.
        List<int> tradingDays = [];
        for (var back = LongWindow - 1; back >= 1; back--)
        {
            var stores = history.StoreDays(date.AddDays(-back));
            if (stores.Count > 0)
            {
                tradingDays.Add(date.AddDays(-back).DayNumber);
            }

            foreach (var store in stores.Values)
            {
                Add(store);
            }
        }

        tradingDays.Add(date.DayNumber);
        foreach (var store in day)
        {
            Add(store);
        }

        var means = series.ToDictionary(p => p.Key, p => MeanPerTradingDay(p.Value, tradingDays), StringComparer.Ordinal);
        var floor = means.Count == 0 ? 0m : means.Values.Average() * MinimumStoreVolume;
        return [.. series.Where(p => p.Value.Count >= MinimumDaysWithSales && means[p.Key] >= floor)
            .Select(p => Trend(ContributorKind.Store, p.Key, date, p.Value, means[p.Key])).OfType<EntityTrend>()];
    }

    private static List<EntityTrend> CategoryTrends(DateOnly date, List<ChainDaySummary> chainDays)
    {
        var first = date.AddDays(-LongWindow + 1);
        var window = chainDays.Where(c => c.BusinessDate >= first).ToList();
        var total = window.Sum(c => c.Totals.NetRevenue);
        List<int> tradingDays = [.. window.Select(c => c.BusinessDate.DayNumber)];
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
                && Trend(ContributorKind.Category, category, date, points, MeanPerTradingDay(inWindow, tradingDays), inWindow.Count) is { } trend)
            {
                trends.Add(trend);
            }
        }

        return trends;
    }

    /// <summary>
    /// An entity's mean net revenue per day it was trading in the window: the <paramref name="tradingDays"/> (days the
    /// chain sold) from its first sale in the window on, on the weekdays it sold on. Among those a day without its
    /// sales is a real 0 (a store without orders that day, a category nobody bought). Days before its first sale in
    /// the window (it may not have opened yet, or the data not started), the chain's closures and a weekday it never
    /// sells on are unknown, not 0.
    /// </summary>
    private static decimal MeanPerTradingDay(List<(int Day, double Value, decimal Revenue)> sales, List<int> tradingDays)
    {
        var first = sales.Min(p => p.Day);
        var weekdays = new bool[7];
        foreach (var (day, _, _) in sales)
        {
            weekdays[DeseasonalizedSeries.Weekday(day)] = true;
        }

        var days = tradingDays.Union(sales.Select(p => p.Day)).Count(d => d >= first && weekdays[DeseasonalizedSeries.Weekday(d)]);
        return sales.Sum(p => p.Revenue) / days;
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
