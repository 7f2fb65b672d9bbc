using Analytics.Domain.Sales;

namespace Analytics.Testing;

/// <summary>A sales store that passes every call to another: a test double overrides only the calls it changes (a
/// fault, a pause, an observer).</summary>
internal abstract class DelegatingSalesStore(ISalesStore inner) : ISalesStore
{
    public virtual Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken) =>
        inner.StageAsync(uploadId, records, cancellationToken);

    public virtual Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken) =>
        inner.CommitAsync(uploadId, storeDays, cancellationToken);

    public virtual Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken) =>
        inner.GetDayAsync(businessDate, detail, cancellationToken);

    public virtual Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        inner.GetStoreHistoryAsync(storeId, first, last, cancellationToken);

    public virtual Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        inner.GetChainHistoryAsync(first, last, cancellationToken);
}
