using Analytics.Domain.Sales;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// Store-days held in memory as a read-only <see cref="ISalesStore"/>, so that the domain's own
/// <see cref="Analytics.Domain.Analysis.SalesHistoryLoader"/> builds each date's history with the reads the steps make.
/// Reads answer as an adapter does: stores ordered by id, SKU lines only at <see cref="SalesDetail.WithSkus"/>.
/// </summary>
internal sealed class LoadedSales(IReadOnlyDictionary<DateOnly, IReadOnlyList<StoreDaySummary>> days) : ISalesStore
{
    private readonly Dictionary<DateOnly, ChainDaySummary> _chain =
        days.ToDictionary(p => p.Key, p => SalesMerge.ChainDay(p.Key, [.. p.Value]));

    /// <summary>The dates with sales, in order.</summary>
    public IReadOnlyList<DateOnly> Dates { get; } = [.. days.Keys.Order()];

    public Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The noise benchmark's sales are read-only.");

    public Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The noise benchmark's sales are read-only.");

    public Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken)
    {
        var stores = days.GetValueOrDefault(businessDate) ?? [];
        return Task.FromResult<IReadOnlyList<StoreDaySummary>>(
            detail == SalesDetail.WithSkus ? stores : [.. stores.Select(s => s with { Skus = [] })]);
    }

    public Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoreDaySummary>>(
        [
            .. Dates.Where(d => d >= first && d <= last)
                .SelectMany(d => days[d].Where(s => s.StoreId == storeId))
                .Select(s => s with { Skus = [] }),
        ]);

    public Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChainDaySummary>>([.. Dates.Where(d => d >= first && d <= last).Select(d => _chain[d])]);
}
