using System.Collections.Concurrent;
using Analytics.Domain.Sales;

namespace Analytics.Testing;

/// <summary>
/// A read-only <see cref="ISalesStore"/> over a <see cref="SyntheticChain"/> with sales from <paramref name="first"/>
/// to <paramref name="last"/>: store-days are generated on every call (nothing per store is kept), chain days are
/// the sums of the store-days (<see cref="SyntheticChain.ChainDay"/>), computed once per date and kept (a few KB each).
/// </summary>
internal sealed class SyntheticSalesStore(SyntheticChain chain, DateOnly first, DateOnly last) : ISalesStore
{
    private readonly ConcurrentDictionary<DateOnly, ChainDaySummary?> _chainDays = new();
    private int _dayReads;

    public SyntheticChain Chain => chain;

    /// <summary>GetDayAsync calls so far.</summary>
    public int DayReads => _dayReads;

    public Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The synthetic sales store is read-only.");

    public Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The synthetic sales store is read-only.");

    public Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _dayReads);
        IReadOnlyList<StoreDaySummary> stores = InRange(businessDate) ? [.. chain.Day(businessDate, detail == SalesDetail.WithSkus)] : [];
        return Task.FromResult(stores);
    }

    public Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var index = chain.StoreIds.ToList().BinarySearch(storeId, StringComparer.Ordinal);
        IReadOnlyList<StoreDaySummary> days = index < 0
            ? []
            : [.. Dates(first, last).Where(d => !chain.IsClosed(index, d)).Select(d => chain.StoreDay(index, d, withSkus: false))];
        return Task.FromResult(days);
    }

    /// <summary>Dates not computed yet are computed in parallel (each sums every store-day of its date).</summary>
    public Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var dates = Dates(first, last).ToList();
        Parallel.ForEach(dates.Where(d => !_chainDays.ContainsKey(d)), d => _chainDays.TryAdd(d, chain.ChainDay(d)));
        IReadOnlyList<ChainDaySummary> days = [.. dates.Select(d => _chainDays[d]).OfType<ChainDaySummary>()];
        return Task.FromResult(days);
    }

    private bool InRange(DateOnly date) => date >= first && date <= last;

    private IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var date = from < first ? first : from; date <= to && date <= last; date = date.AddDays(1))
        {
            yield return date;
        }
    }
}
