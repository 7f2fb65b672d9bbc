namespace Analytics.Domain.Sales;

/// <summary>
/// A whole store-day as one upload's recomputation left it: the store keeps, per store-day, the committed record
/// with the highest <see cref="Revision"/> (ties: the highest <see cref="UploadId"/>, ordinal), see
/// <see cref="Supersedes"/>. A recomputation that saw more ledger entries has a higher revision; two with the same
/// revision saw the same entries and hold equal figures.
/// </summary>
/// <param name="Revision">How many ledger entries of the store-day the recomputation saw: 1 to <see cref="MaxRevision"/>.</param>
/// <param name="UploadId">The upload that staged the record: lower-case hex (<see cref="SalesRecords.IsValidUploadId"/>).</param>
/// <param name="SourceKey">Object key of that upload (for tracing, not identity).</param>
/// <param name="Summary">The store-day's figures; null when the store-day was withdrawn (it has no sales).</param>
public sealed record StoreDayRecord(string StoreId, DateOnly BusinessDate, long Revision, string UploadId,
                                    string SourceKey, StoreDaySummary? Summary)
{
    /// <summary>Highest revision a store keeps (ten decimal digits, which DynamoDB sort keys hold zero-padded).</summary>
    public const long MaxRevision = 9_999_999_999;

    public StoreDayKey Key => new(BusinessDate, StoreId);

    /// <summary>Whether the store-day was withdrawn: it then has no sales at all.</summary>
    public bool IsWithdrawn => Summary is null;

    /// <summary>
    /// Whether a record (<paramref name="revision"/>, <paramref name="uploadId"/>) of a store-day wins over another
    /// (<paramref name="otherRevision"/>, <paramref name="otherUploadId"/>): the higher revision, then the higher upload
    /// id (ordinal), so that every reader and every adapter picks the same record.
    /// </summary>
    public static bool Supersedes(long revision, string uploadId, long otherRevision, string otherUploadId) =>
        revision != otherRevision ? revision > otherRevision : string.CompareOrdinal(uploadId, otherUploadId) > 0;
}

/// <summary>A store-day: one store's business date.</summary>
public readonly record struct StoreDayKey(DateOnly BusinessDate, string StoreId);
