namespace Analytics.Domain.Sales;

/// <summary>
/// One upload's part of a store-day. A store-day's summary is the merge of all its contributions.
/// <see cref="ContributionId"/> is derived from the set of transaction ids the part carries, so the same
/// transactions sent again (a retry, a re-upload, a corrected file) replace the earlier part instead of adding to it,
/// while a second file with other transactions of the same day adds to it.
/// </summary>
/// <param name="ContributionId">Lower-case hex, 32 characters.</param>
/// <param name="SourceKey">Object key of the upload the part came from (for tracing, not identity).</param>
public sealed record StoreDayContribution(string ContributionId, string SourceKey, StoreDaySummary Summary);
