namespace Analytics.Domain.Sales;

/// <summary>
/// Stored store-day sales, one <see cref="StoreDayRecord"/> per store-day and recomputation, staged then committed.
/// Reads see, for each (date, store), only the committed record that supersedes every other committed one
/// (<see cref="StoreDayRecord.Supersedes"/>): its summary, or no store-day at all when it is withdrawn.
/// Staged-but-uncommitted records are never read. <see cref="SalesRecords.SaveAsync"/> stages and commits in one go.
/// </summary>
public interface ISalesStore
{
    /// <summary>
    /// Writes one upload's records, invisible to readers until <see cref="CommitAsync"/>. Staging the same
    /// (date, store, revision, upload id) again replaces it (a retry). May be called many times per upload (batches).
    /// </summary>
    /// <exception cref="ArgumentException">A record is not the upload's, or is malformed (<see cref="SalesRecords.EnsureValid"/>); nothing is written.</exception>
    Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Makes every record the upload staged on these store-days visible together: a reader sees all of them or none
    /// (per business date at least; adapters document what they guarantee across dates). Then deletes the records the
    /// committed ones supersede on those store-days, committed or not. Idempotent: committing again after a crash
    /// anywhere in it finishes the work.
    /// </summary>
    Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken);

    /// <summary>Every store that has sales on <paramref name="businessDate"/>, ordered by store id; empty when none.</summary>
    Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken);

    /// <summary>One store's days with sales from <paramref name="first"/> to <paramref name="last"/> (inclusive), at
    /// <see cref="SalesDetail.Totals"/>, ordered by date.</summary>
    Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>The chain's dates with sales from <paramref name="first"/> to <paramref name="last"/> (inclusive), ordered by date.</summary>
    Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
