namespace Analytics.Domain.Sales;

/// <summary>
/// One upload's part of a store-day: what one store-day object of a file holds, as the reader summed it.
/// <see cref="ContributionId"/> is derived from the set of transaction and return ids the part carries.
/// </summary>
/// <param name="ContributionId">Lower-case hex, 32 characters.</param>
/// <param name="SourceKey">Object key of the upload the part came from (for tracing, not identity).</param>
public sealed record StoreDayContribution(string ContributionId, string SourceKey, StoreDaySummary Summary)
{
    /// <summary>When the store's system wrote the store-day (its <c>exported_at</c>); null when the file does not say.
    /// Orders the files of one store-day: see <see cref="StoreDayAction"/>.</summary>
    public DateTimeOffset? ExportedAt { get; init; }

    /// <summary>What the store-day object does to the store's earlier files of the same store-day.</summary>
    public StoreDayAction Action { get; init; }

    /// <summary>Offset of the store-day object's first byte (its <c>{</c>) in the file.</summary>
    public long Start { get; init; }

    /// <summary>Length in bytes of the store-day object, from its <c>{</c> to its <c>}</c>.</summary>
    public long Length { get; init; }
}
