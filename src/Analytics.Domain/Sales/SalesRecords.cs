namespace Analytics.Domain.Sales;

/// <summary>Checks and conveniences around <see cref="ISalesStore"/> shared by every adapter and caller.</summary>
public static class SalesRecords
{
    /// <summary>Records one <see cref="ISalesStore.StageAsync"/> call of <see cref="SaveAsync"/> takes.</summary>
    public const int StageBatchSize = 100;

    /// <summary>Longest upload id a store accepts.</summary>
    public const int MaxUploadIdLength = 64;

    /// <summary>Longest store id a store accepts (as the upload format allows).</summary>
    public const int MaxStoreIdLength = 64;

    /// <summary>
    /// Stages <paramref name="records"/> in batches of <see cref="StageBatchSize"/>, then commits every store-day
    /// they touch: for callers that need no separate staging. Running it again after a failure anywhere finishes it.
    /// </summary>
    public static async Task SaveAsync(this ISalesStore store, string uploadId, IReadOnlyList<StoreDayRecord> records,
                                       CancellationToken cancellationToken)
    {
        foreach (var batch in records.Chunk(StageBatchSize))
        {
            await store.StageAsync(uploadId, batch, cancellationToken);
        }

        await store.CommitAsync(uploadId, [.. records.Select(r => r.Key).Distinct()], cancellationToken);
    }

    /// <summary>Whether <paramref name="uploadId"/> is 1 to <see cref="MaxUploadIdLength"/> lower-case hex digits.</summary>
    public static bool IsValidUploadId(string uploadId) =>
        uploadId.Length is > 0 and <= MaxUploadIdLength && uploadId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>
    /// Whether <paramref name="storeId"/> has the upload format's shape (<c>^[A-Za-z0-9][A-Za-z0-9._-]*$</c>, at most
    /// <see cref="MaxStoreIdLength"/>): adapters put it in keys, where a '#' would break them.
    /// </summary>
    public static bool IsValidStoreId(string? storeId) =>
        storeId is { Length: > 0 and <= MaxStoreIdLength }
        && char.IsAsciiLetterOrDigit(storeId[0])
        && storeId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Throws unless <paramref name="uploadId"/> is valid (adapters call it before any write).</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static void EnsureValidUploadId(string uploadId)
    {
        ArgumentNullException.ThrowIfNull(uploadId);
        if (!IsValidUploadId(uploadId))
        {
            throw new ArgumentException(
                $"Upload id '{uploadId}' is not 1 to {MaxUploadIdLength} lower-case hex digits.", nameof(uploadId));
        }
    }

    /// <summary>
    /// Throws unless every record belongs to <paramref name="uploadId"/>, has a valid store id, a revision from 1 to
    /// <see cref="StoreDayRecord.MaxRevision"/>, and a summary (if any) of its own store and date. Adapters call it
    /// before writing anything, so a bad record stages nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The first record that does not, with what is wrong with it.</exception>
    public static void EnsureValid(string uploadId, IReadOnlyList<StoreDayRecord> records)
    {
        EnsureValidUploadId(uploadId);
        foreach (var record in records)
        {
            var name = $"Record of {record.StoreId} on {record.BusinessDate:yyyy-MM-dd} (revision {record.Revision}, upload {record.UploadId})";
            if (record.UploadId != uploadId)
            {
                throw new ArgumentException($"{name} is staged by upload {uploadId}.", nameof(records));
            }

            if (record.Revision is < 1 or > StoreDayRecord.MaxRevision)
            {
                throw new ArgumentException($"{name}: revision must be from 1 to {StoreDayRecord.MaxRevision}.", nameof(records));
            }

            if (!IsValidStoreId(record.StoreId))
            {
                throw new ArgumentException(
                    $"{name}: store id must be 1 to {MaxStoreIdLength} characters, ASCII letters, digits, '.', '_' or '-', starting with a letter or digit.",
                    nameof(records));
            }

            if (record.Summary is { } summary && (summary.StoreId != record.StoreId || summary.BusinessDate != record.BusinessDate))
            {
                throw new ArgumentException(
                    $"{name} holds the summary of {summary.StoreId} on {summary.BusinessDate:yyyy-MM-dd}.", nameof(records));
            }
        }
    }
}
