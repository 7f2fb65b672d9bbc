namespace Analytics.Domain.Sales;

/// <summary>
/// Stored store-day sales. Writes are idempotent per (business date, store, contribution id); reads return
/// merged store-days (all contributions of a store-day summed).
/// </summary>
public interface ISalesStore
{
    /// <summary>
    /// Inserts or replaces each contribution by (business date, store, contribution id). Saving the same
    /// contributions again, or after a failure half-way, leaves the state of one clean save.
    /// </summary>
    Task SaveAsync(IReadOnlyList<StoreDayContribution> contributions, CancellationToken cancellationToken);

    /// <summary>Every store that has sales on <paramref name="businessDate"/>, merged, ordered by store id; empty when none.</summary>
    Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken);

    /// <summary>One store's days with sales from <paramref name="first"/> to <paramref name="last"/> (inclusive), at
    /// <see cref="SalesDetail.Totals"/>, ordered by date.</summary>
    Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>The chain's dates with sales from <paramref name="first"/> to <paramref name="last"/> (inclusive), ordered by date.</summary>
    Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
