using System.Diagnostics.CodeAnalysis;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Metrics;

/// <summary>
/// CalcCompanyMetrics: the chain's totals, breakdowns and store ranking for D, compared with D − 1, D − 7 and the
/// mean of D − 7 … D − 28. Pure: no I/O, no clock; money stays decimal. Linear in the number of stores.
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injected domain service; steps depend on the instance.")]
public sealed class CompanyMetricsCalculator
{
    /// <summary>Same-weekday dates of the four-week comparison.</summary>
    public const int ComparisonWeeks = 4;

    /// <param name="day">Every store that traded on <paramref name="date"/> (any detail; SKU lines are not used).</param>
    /// <exception cref="ArgumentException">No store traded (CheckStoreSummaries routes that away first), a store-day of
    /// another date, stores in several currencies, or a history for another date.</exception>
    public CompanyMetrics Calculate(DateOnly date, IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        var chain = ChainDayOf(date, day, history);
        var totals = chain.Totals;
        var lastWeek = history.ChainDay(date.AddDays(-7));
        var lastWeekStores = history.StoreDays(date.AddDays(-7));

        List<CategoryFigure> categories = [.. chain.Categories.Select(c =>
        {
            var before = lastWeek?.Categories.FirstOrDefault(l => l.Category == c.Category);
            return new CategoryFigure(
                c.Category, c.Transactions, c.Units, c.NetRevenue, c.Discounts, SalesMath.Share(c.NetRevenue, totals.NetRevenue),
                before is null ? null : SalesMath.PercentChange(c.NetRevenue, before.NetRevenue),
                c.ReturnTransactions, c.UnitsReturned, c.Returns, c.ReturnRate, before?.ReturnRate);
        })];
        List<HourFigure> hours = [.. chain.Hours.Select(h => new HourFigure(
            h.Hour, h.Transactions, h.Units, h.NetRevenue, SalesMath.Share(h.NetRevenue, totals.NetRevenue),
            h.ReturnTransactions, h.UnitsReturned, h.Returns, ReturnRate(h.Returns, h.NetSales)))];
        List<PaymentMethodFigure> methods = [.. chain.PaymentMethods.Select(m => new PaymentMethodFigure(
            m.PaymentMethod, m.Transactions, m.NetRevenue, SalesMath.Share(m.NetRevenue, totals.NetRevenue),
            m.ReturnTransactions, m.Returns, ReturnRate(m.Returns, m.NetSales)))];
        List<StoreRank> ranking = [.. day.OrderByDescending(s => s.Totals.NetRevenue).ThenBy(s => s.StoreId, StringComparer.Ordinal)
            .Select((s, i) =>
            {
                var before = lastWeekStores.GetValueOrDefault(s.StoreId)?.Totals;
                return new StoreRank(
                    i + 1, s.StoreId, s.Totals.NetRevenue, s.Totals.Transactions, s.Totals.AverageBasket,
                    SalesMath.Share(s.Totals.NetRevenue, totals.NetRevenue),
                    before is null ? null : SalesMath.PercentChange(s.Totals.NetRevenue, before.NetRevenue),
                    s.Totals.ReturnTransactions, s.Totals.UnitsReturned, s.Totals.Returns, s.Totals.ReturnRate, before?.ReturnRate);
            })];

        return new CompanyMetrics(
            date, day[0].Currency, chain.StoresTrading, totals, totals.NetRevenue, totals.AverageBasket, DiscountRate(totals),
            KeyFigures(date, totals, history), categories, hours, methods, ranking);
    }

    /// <summary>The merged chain day of <paramref name="day"/>, after checking the inputs belong together.</summary>
    internal static ChainDaySummary ChainDayOf(DateOnly date, IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(history);
        if (day.Count == 0)
        {
            throw new ArgumentException($"No store traded on {date:O}.", nameof(day));
        }

        if (history.BusinessDate != date)
        {
            throw new ArgumentException($"The history is for {history.BusinessDate:O}, not {date:O}.", nameof(history));
        }

        var currency = day[0].Currency;
        foreach (var store in day)
        {
            if (store.BusinessDate != date)
            {
                throw new ArgumentException($"Store-day {store.StoreId}/{store.BusinessDate:O} is not of {date:O}.", nameof(day));
            }

            if (store.Currency != currency)
            {
                throw new ArgumentException($"Stores report in {currency} and {store.Currency}; the chain needs one currency.", nameof(day));
            }
        }

        return SalesMerge.ChainDay(date, day);
    }

    internal static decimal DiscountRate(SalesTotals totals) => SalesMath.Rate(totals.Discounts, totals.GrossSales);

    /// <summary>Returns over net sales as <see cref="SalesTotals.ReturnRate"/> has it: 4 places, 0 without sales.</summary>
    private static decimal ReturnRate(decimal returns, decimal netSales) => netSales <= 0m ? 0m : SalesMath.Rate(returns, netSales);

    private static List<KeyFigure> KeyFigures(DateOnly date, SalesTotals today, SalesHistory history)
    {
        var previous = history.ChainDay(date.AddDays(-1))?.Totals;
        var lastWeek = history.ChainDay(date.AddDays(-7))?.Totals;
        List<SalesTotals> fourWeeks = [.. history.SameWeekdays(ComparisonWeeks).Select(history.ChainDay).OfType<ChainDaySummary>().Select(c => c.Totals)];
        var fourWeekSum = fourWeeks.Aggregate(SalesTotals.Zero, (sum, t) => sum.Add(t));
        var n = fourWeeks.Count;

        KeyFigure Figure(KeyMetric metric, Func<SalesTotals, decimal> value, Func<SalesTotals, int, decimal> fourWeekValue)
        {
            List<Comparison> comparisons = [];
            if (previous is not null)
            {
                comparisons.Add(Comparison.Of(ComparisonBaseline.PreviousDay, value(today), value(previous), 1));
            }

            if (lastWeek is not null)
            {
                comparisons.Add(Comparison.Of(ComparisonBaseline.SameWeekdayLastWeek, value(today), value(lastWeek), 1));
            }

            if (n > 0)
            {
                comparisons.Add(Comparison.Of(ComparisonBaseline.FourWeekSameWeekdayMean, value(today), fourWeekValue(fourWeekSum, n), n));
            }

            return new KeyFigure(metric, value(today), comparisons);
        }

        return
        [
            Figure(KeyMetric.NetRevenue, t => t.NetRevenue, (s, k) => SalesMath.Round2(s.NetRevenue / k)),
            Figure(KeyMetric.Transactions, t => t.Transactions, (s, k) => SalesMath.Round2((decimal)s.Transactions / k)),
            Figure(KeyMetric.Units, t => t.Units, (s, k) => SalesMath.Round2((decimal)s.Units / k)),
            Figure(KeyMetric.AverageBasket, t => t.AverageBasket, (s, _) => s.AverageBasket),
            Figure(KeyMetric.DiscountRate, DiscountRate, (s, _) => DiscountRate(s)),
            Figure(KeyMetric.NetSales, t => t.NetSales, (s, k) => SalesMath.Round2(s.NetSales / k)),
            Figure(KeyMetric.Returns, t => t.Returns, (s, k) => SalesMath.Round2(s.Returns / k)),
            Figure(KeyMetric.ReturnRate, t => t.ReturnRate, (s, _) => s.ReturnRate),
        ];
    }
}
