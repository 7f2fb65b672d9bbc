using Analytics.Domain;
using Analytics.Domain.Exports;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// Where the daily analysis keeps things in the bucket. Per-execution intermediate results live under
/// <see cref="RunsPrefix"/> (a lifecycle rule expires them); reports and exports have stable, date-partitioned keys that
/// a rerun of the same date overwrites.
/// </summary>
public static class AnalysisKeys
{
    /// <summary>Intermediate results of every execution: <c>analysis/runs/{date}/{execution}/…</c>.</summary>
    public const string RunsPrefix = "analysis/runs/";

    /// <summary>Reports: <c>reports/{date}/daily-report.html</c> and <c>.txt</c>.</summary>
    public const string ReportsPrefix = "reports/";

    /// <summary>QuickSight exports: <c>exports/quicksight/{dataset}/dt={date}/…</c> and <c>exports/quicksight/manifests/…</c>.</summary>
    public const string ExportsPrefix = QuickSightKeys.Prefix;

    public static string RunPrefix(DateOnly date, string executionName)
    {
        if (string.IsNullOrWhiteSpace(executionName) || executionName.Contains('/', StringComparison.Ordinal) || executionName is "." or "..")
        {
            throw new ArgumentException($"'{executionName}' cannot name an execution's folder.", nameof(executionName));
        }

        return $"{RunsPrefix}{IsoDate.Format(date)}/{executionName}/";
    }

    public static string HtmlReport(DateOnly date) => $"{ReportsPrefix}{IsoDate.Format(date)}/daily-report.html";

    public static string TextReport(DateOnly date) => $"{ReportsPrefix}{IsoDate.Format(date)}/daily-report.txt";
}
