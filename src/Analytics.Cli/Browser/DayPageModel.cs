namespace Analytics.Cli.Browser;

/// <summary>A day's page: the day as listed, where its HTML report is served (null when there is none; embedded in
/// the page) and its files (exports, the text report).</summary>
internal sealed record DayPageModel(DaySummary Day, string? ReportUrl, IReadOnlyList<FileLink> Files);
