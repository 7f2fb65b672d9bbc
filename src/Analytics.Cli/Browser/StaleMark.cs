namespace Analytics.Cli.Browser;

/// <summary>A day's analysis is stale: a correction changed store-days of that date after the analysis ran
/// (<paramref name="CorrectedAt"/> is the latest such change; <paramref name="StoreIds"/> the stores it touched).</summary>
internal sealed record StaleMark(DateTimeOffset CorrectedAt, IReadOnlyList<string> StoreIds);
