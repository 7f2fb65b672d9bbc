using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Cli.Browser;
using Analytics.Functions.UploadProcessing;

namespace Analytics.Cli.Workflows;

/// <summary>One business date's latest daily analysis: its execution and outcome, the report's subject (the headline),
/// where the report is, and whether a correction changed a store-day of the date after the analysis started.</summary>
internal sealed record AnalysedDay(DateOnly Date, string Execution, string Status, DateTimeOffset Started, string? Headline, string? ReportKey,
    string? Error, StaleMark? Stale)
{
    /// <summary>Why the analysis is stale, in a sentence; null when it is not.</summary>
    public string? StaleBecause => Stale is { } stale
        ? string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", stale.StoreIds)}'s {Date:yyyy-MM-dd} changed at {stale.CorrectedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, after this analysis started: run it again (analytics daily --date {Date:yyyy-MM-dd})")
        : null;
}

/// <summary>
/// The dates the daily analysis has run for, read from the execution store and the bucket. A date's analysis is stale
/// when, after it started, the ledger of that date (<c>ledger/&lt;date&gt;/&lt;store&gt;/</c>, where every accepted
/// store-day is kept) got an entry with content the store-day did not have before: a correction or a late file. A
/// re-export of the same content is not a change.
/// </summary>
internal static class AnalysisDays
{
    /// <summary>Every analysed date, newest first.</summary>
    public static IReadOnlyList<AnalysedDay> Read(ExecutionStore executions, string bucketDirectory) =>
        Read(executions.ReadAll(), bucketDirectory);

    /// <summary>As the other overload, from executions already read whole (<see cref="ExecutionStore.ReadAll"/>).</summary>
    public static IReadOnlyList<AnalysedDay> Read(IEnumerable<JsonObject> executions, string bucketDirectory) =>
    [
        .. executions
            .Where(e => (string?)e["stateMachine"] == LocalWorkflows.DailyAnalysis)
            .Select(e => (Execution: e, Date: DateOf(e)))
            .Where(e => e.Date is not null)
            .GroupBy(e => e.Date!.Value)
            .Select(g => Day(g.Key, g.OrderByDescending(e => (string?)e.Execution["startDate"], StringComparer.Ordinal).First().Execution, bucketDirectory))
            .OrderByDescending(d => d.Date),
    ];

    /// <summary>Whether the analysis of <paramref name="date"/> that started at <paramref name="started"/> is stale: the
    /// stores whose store-day got new content after it, and when the latest such change came; null when none did.</summary>
    public static StaleMark? Staleness(string bucketDirectory, DateOnly date, DateTimeOffset started)
    {
        var dayFolder = Path.Combine(bucketDirectory, StoreDayLedger.Prefix.TrimEnd('/'), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!Directory.Exists(dayFolder))
        {
            return null;
        }

        var stores = new List<string>();
        var latest = DateTime.MinValue;
        foreach (var storeFolder in Directory.EnumerateDirectories(dayFolder).Order(StringComparer.Ordinal))
        {
            var entries = Directory.EnumerateFiles(storeFolder, "*.json.gz").Select(path => new FileInfo(path)).ToList();
            var before = entries.Where(e => e.LastWriteTimeUtc <= started.UtcDateTime).Select(e => ContentHash(e.Name)).ToHashSet(StringComparer.Ordinal);
            var changes = entries.Where(e => e.LastWriteTimeUtc > started.UtcDateTime && !before.Contains(ContentHash(e.Name))).ToList();
            if (changes.Count > 0)
            {
                stores.Add(Path.GetFileName(storeFolder));
                latest = new[] { latest, changes.Max(e => e.LastWriteTimeUtc) }.Max();
            }
        }

        return stores.Count == 0 ? null : new StaleMark(new DateTimeOffset(latest, TimeSpan.Zero), stores);
    }

    /// <summary>An entry's content hash: the 16 hex digits between the last '-' and <c>.json.gz</c>.</summary>
    private static string ContentHash(string entryName)
    {
        var stem = entryName[..^".json.gz".Length];
        return stem[(stem.LastIndexOf('-') + 1)..];
    }

    private static AnalysedDay Day(DateOnly date, JsonObject execution, string bucketDirectory)
    {
        var output = execution["output"];
        var started = DateTimeOffset.Parse((string)execution["startDate"]!, CultureInfo.InvariantCulture);
        var status = (string)execution["status"]!;
        return new AnalysedDay(date, (string)execution["name"]!, status, started, (string?)output?["subject"], (string?)output?["htmlKey"],
            execution["error"] is null ? null : $"{execution["error"]}: {execution["cause"]}",
            status == "SUCCEEDED" ? Staleness(bucketDirectory, date, started) : null);
    }

    /// <summary>The business date an execution analysed: its input's <c>date</c>, else its report's folder
    /// (<c>reports/&lt;date&gt;/…</c>: a scheduled run's input is <c>{}</c>).</summary>
    private static DateOnly? DateOf(JsonObject execution)
    {
        var text = (string?)execution["input"]?["date"];
        if (text is null && (string?)execution["output"]?["htmlKey"] is { } key && key.Split('/') is [_, var folder, ..])
        {
            text = folder;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
