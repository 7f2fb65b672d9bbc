using System.Runtime.InteropServices;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Metrics;

/// <summary>
/// Folds the reads of a <see cref="SalesHistoryPlan"/> into a <see cref="SalesHistory"/>, one page at a time, so that
/// a handler can stream store-days in and keep only the compact history: memory grows with stores × (dates +
/// SKUs a store sells), not with the SKU lines read. Not thread-safe; build once.
/// </summary>
public sealed class SalesHistoryBuilder(DateOnly businessDate)
{
    private readonly HashSet<DateOnly> _chainDates = [];
    private readonly Dictionary<DateOnly, ChainDaySummary> _chainDays = [];
    private readonly Dictionary<DateOnly, Dictionary<string, StoreDaySummary>> _storeDays = [];
    private readonly bool[] _skuWeekLoaded = new bool[SalesHistoryPlan.SkuWeeks];
    private readonly Dictionary<string, SkuAccumulator> _chainSkus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, StoreSkuHistory>> _storeSkus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, SkuReturnHistory>> _storeSkuReturns = new(StringComparer.Ordinal);
    private bool _built;

    /// <summary>Whether store-days keep their categories and last hour with sales (true) or only their totals: a history for calculators
    /// that look at store totals alone is a good deal smaller at 10,000 stores.</summary>
    public bool KeepStoreCategories { get; init; } = true;

    /// <summary>The chain series from <paramref name="first"/> to <paramref name="last"/> as <c>GetChainHistoryAsync</c>
    /// returns it: every date of the range counts as loaded, those without a summary as days without sales.</summary>
    /// <exception cref="ArgumentException">A day lies outside the range or on or after the business date.</exception>
    public SalesHistoryBuilder AddChainDays(DateOnly first, DateOnly last, IEnumerable<ChainDaySummary> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        EnsureOpen();
        EnsureBefore(last);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            _chainDates.Add(date);
        }

        foreach (var day in days)
        {
            if (day.BusinessDate < first || day.BusinessDate > last)
            {
                throw new ArgumentException($"Chain day {day.BusinessDate:O} is outside {first:O}..{last:O}.", nameof(days));
            }

            _chainDays[day.BusinessDate] = day;
        }

        return this;
    }

    private static IReadOnlyList<HourSales> LastSaleHour(IReadOnlyList<HourSales> hours)
    {
        for (var i = hours.Count - 1; i >= 0; i--)
        {
            if (hours[i].Transactions > 0)
            {
                return [hours[i]];
            }
        }

        return [];
    }

    /// <summary>
    /// Stores of one date as <c>GetDayAsync(date, detail)</c> returns them; may be called several times for one
    /// date with further stores (pages). SKU lines count only at <see cref="SalesDetail.WithSkus"/> on a SKU week.
    /// </summary>
    /// <exception cref="ArgumentException">A store-day of another date, or a store given twice for the date.</exception>
    public SalesHistoryBuilder AddStoreDays(DateOnly date, SalesDetail detail, IEnumerable<StoreDaySummary> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        EnsureOpen();
        EnsureBefore(date);
        if (!_storeDays.TryGetValue(date, out var byStore))
        {
            byStore = new Dictionary<string, StoreDaySummary>(StringComparer.Ordinal);
            _storeDays.Add(date, byStore);
        }

        var skuWeek = SkuWeekIndex(date, detail);
        if (skuWeek >= 0)
        {
            _skuWeekLoaded[skuWeek] = true;
        }

        foreach (var store in stores)
        {
            if (store.BusinessDate != date)
            {
                throw new ArgumentException($"Store-day {store.StoreId}/{store.BusinessDate:O} given for {date:O}.", nameof(stores));
            }

            // A baseline store-day keeps its last hour with sales (what the incomplete-day check needs) and its largest
            // sale (how large the store's largest order usually is); no other history keeps receipts.
            var kept = KeepStoreCategories && detail != SalesDetail.TotalsOnly
                ? store with { Hours = LastSaleHour(store.Hours), PaymentMethods = [], Skus = [], LargestSales = [.. store.LargestSales.Take(1)], LargestReturns = [] }
                : store with { Hours = [], Categories = [], PaymentMethods = [], Skus = [], LargestSales = [], LargestReturns = [] };
            if (!byStore.TryAdd(store.StoreId, kept))
            {
                throw new ArgumentException($"Store {store.StoreId} given twice for {date:O}.", nameof(stores));
            }

            if (skuWeek >= 0)
            {
                AddSkus(store, skuWeek);
            }
        }

        return this;
    }

    /// <exception cref="InvalidOperationException">Already built.</exception>
    public SalesHistory Build()
    {
        EnsureOpen();
        _built = true;
        return new SalesHistory(
            businessDate,
            _chainDates,
            _chainDays,
            _storeDays.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, StoreDaySummary>)p.Value),
            _skuWeekLoaded,
            _chainSkus.ToDictionary(p => p.Key, p => p.Value.ToHistory(p.Key), StringComparer.Ordinal),
            _storeSkus.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, StoreSkuHistory>)p.Value, StringComparer.Ordinal),
            _storeSkuReturns.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, SkuReturnHistory>)p.Value, StringComparer.Ordinal));
    }

    private int SkuWeekIndex(DateOnly date, SalesDetail detail)
    {
        var back = businessDate.DayNumber - date.DayNumber;
        return detail == SalesDetail.WithSkus && back % 7 == 0 && back / 7 <= SalesHistoryPlan.SkuWeeks ? back / 7 - 1 : -1;
    }

    private void AddSkus(StoreDaySummary store, int week)
    {
        if (!_storeSkus.TryGetValue(store.StoreId, out var storeSkus))
        {
            storeSkus = new Dictionary<string, StoreSkuHistory>(StringComparer.Ordinal);
            _storeSkus.Add(store.StoreId, storeSkus);
        }

        foreach (var sku in store.Skus)
        {
            if (!_chainSkus.TryGetValue(sku.Sku, out var chain))
            {
                chain = new SkuAccumulator(sku.Name, sku.Category);
                _chainSkus.Add(sku.Sku, chain);
            }

            chain.Add(week, sku);
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(storeSkus, sku.Sku, out _);
            entry = new StoreSkuHistory(entry.DaysSold + (sku.Units > 0 ? 1 : 0), entry.Units + sku.Units, entry.NetRevenue + sku.NetRevenue);
            if (sku.Returns != 0m || sku.UnitsReturned != 0)
            {
                AddReturns(store.StoreId, sku);
            }
        }
    }

    /// <summary>Returns are rare among a store's SKUs, so they are kept apart: the store-SKU entries stay small.</summary>
    private void AddReturns(string storeId, SkuSales sku)
    {
        if (!_storeSkuReturns.TryGetValue(storeId, out var returns))
        {
            returns = new Dictionary<string, SkuReturnHistory>(StringComparer.Ordinal);
            _storeSkuReturns.Add(storeId, returns);
        }

        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(returns, sku.Sku, out _);
        entry = new SkuReturnHistory(entry.UnitsReturned + sku.UnitsReturned, entry.Returns + sku.Returns);
    }

    private void EnsureOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException("The history is already built.");
        }
    }

    private void EnsureBefore(DateOnly date)
    {
        if (date >= businessDate)
        {
            throw new ArgumentException($"History date {date:O} is not before the business date {businessDate:O}.", nameof(date));
        }
    }

    private sealed class SkuAccumulator(string name, string category)
    {
        private readonly decimal[] _revenue = new decimal[SalesHistoryPlan.SkuWeeks];
        private readonly long[] _units = new long[SalesHistoryPlan.SkuWeeks];
        private string _name = name;
        private string _category = category;

        public void Add(int week, SkuSales sku)
        {
            _revenue[week] += sku.NetRevenue;
            _units[week] += sku.Units;
            if (string.CompareOrdinal(sku.Name, _name) < 0)
            {
                _name = sku.Name;
            }

            if (string.CompareOrdinal(sku.Category, _category) < 0)
            {
                _category = sku.Category;
            }
        }

        public SkuHistory ToHistory(string sku) => new(sku, _name, _category, _revenue, _units);
    }
}
