using Analytics.Domain.Sales;

namespace Analytics.Domain.Metrics;

/// <summary>
/// The trailing sales that the daily analysis of <see cref="BusinessDate"/> (D) compares D with, pre-loaded as
/// <see cref="SalesHistoryPlan"/> says and built with <see cref="SalesHistoryBuilder"/>. Immutable.
/// <list type="bullet">
/// <item>Chain days: the daily series over the loaded chain range; a loaded date without a summary had no sales.</item>
/// <item>Store days: every store's totals and categories on each loaded store date (hours, payment methods and
/// SKU lines are dropped to keep 10,000 stores × 32 dates small, and categories too when the builder is told not to
/// keep them, see <see cref="SalesHistoryBuilder.KeepStoreCategories"/>); a store absent on a loaded date did not trade.</item>
/// <item>SKU weeks: for the same weekdays D − 7 … D − 28 loaded with SKU lines, the chain's sales per SKU
/// (<see cref="ChainSkus"/>) and, per store, how often and how much each SKU sold (<see cref="StoreSkus"/>) and was
/// refunded (<see cref="StoreSkuReturns"/>).</item>
/// </list>
/// A date that was not loaded is unknown, not zero: calculators leave out what rests on unknown dates.
/// </summary>
public sealed class SalesHistory
{
    private static readonly IReadOnlyDictionary<string, StoreDaySummary> NoStores = new Dictionary<string, StoreDaySummary>();
    private readonly IReadOnlySet<DateOnly> _chainDates;
    private readonly IReadOnlyDictionary<DateOnly, ChainDaySummary> _chainDays;
    private readonly IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, StoreDaySummary>> _storeDays;
    private readonly bool[] _skuWeekLoaded;

    internal SalesHistory(
        DateOnly businessDate,
        IReadOnlySet<DateOnly> chainDates,
        IReadOnlyDictionary<DateOnly, ChainDaySummary> chainDays,
        IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, StoreDaySummary>> storeDays,
        bool[] skuWeekLoaded,
        IReadOnlyDictionary<string, SkuHistory> chainSkus,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, StoreSkuHistory>> storeSkus,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SkuReturnHistory>> storeSkuReturns)
    {
        BusinessDate = businessDate;
        _chainDates = chainDates;
        _chainDays = chainDays;
        _storeDays = storeDays;
        _skuWeekLoaded = skuWeekLoaded;
        ChainSkus = chainSkus;
        StoreSkus = storeSkus;
        StoreSkuReturns = storeSkuReturns;
    }

    /// <summary>D: every date in the history is before it.</summary>
    public DateOnly BusinessDate { get; }

    /// <summary>Per SKU, the chain's sales on each SKU week (index w − 1 is D − 7w).</summary>
    public IReadOnlyDictionary<string, SkuHistory> ChainSkus { get; }

    /// <summary>Per store id, then SKU: sales over the loaded SKU weeks. Only SKUs the store sold on them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, StoreSkuHistory>> StoreSkus { get; }

    /// <summary>Per store id, then SKU: refunds over the loaded SKU weeks. Only SKUs the store refunded on them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SkuReturnHistory>> StoreSkuReturns { get; }

    /// <summary>The loaded SKU weeks, as indexes into <see cref="SkuHistory.NetRevenue"/> (0 is D − 7).</summary>
    public IReadOnlyList<int> SkuWeekIndexes => [.. Enumerable.Range(0, _skuWeekLoaded.Length).Where(i => _skuWeekLoaded[i])];

    /// <summary>True when the chain series was loaded for <paramref name="date"/> (whether or not it had sales).</summary>
    public bool HasChainDate(DateOnly date) => _chainDates.Contains(date);

    /// <summary>The chain's day, or null when it had no sales or was not loaded (see <see cref="HasChainDate"/>).</summary>
    public ChainDaySummary? ChainDay(DateOnly date) => _chainDays.GetValueOrDefault(date);

    /// <summary>True when store figures were loaded for <paramref name="date"/>.</summary>
    public bool HasStoreDate(DateOnly date) => _storeDays.ContainsKey(date);

    /// <summary>The stores that traded on <paramref name="date"/>, by id; empty when none or not loaded.</summary>
    public IReadOnlyDictionary<string, StoreDaySummary> StoreDays(DateOnly date) => _storeDays.GetValueOrDefault(date) ?? NoStores;

    /// <summary>D − 7, D − 14, … D − 7·<paramref name="weeks"/>, newest first.</summary>
    public IReadOnlyList<DateOnly> SameWeekdays(int weeks) => [.. Enumerable.Range(1, weeks).Select(w => BusinessDate.AddDays(-7 * w))];
}
