using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Cli.Browser;
using Analytics.Cli.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StatesLanguage.Definition;

namespace Analytics.Cli.Serve;

/// <summary>
/// The report browser's routes (<see cref="BrowserLinks"/>), server-rendered from the execution store and the local
/// bucket on each request: the days analysed, each day's report and files, the executions, and each execution with
/// its graph and history. Bucket files are served only from the report and export folders.
/// </summary>
internal sealed class BrowserRoutes(ExecutionStore executions, string bucketDirectory, Func<string, CancellationToken, Task<StateMachineDefinition?>> definitionOf)
{
    private static readonly string[] s_servedPrefixes = ["reports/", "exports/"];

    public void Map(WebApplication app)
    {
        app.MapGet(BrowserLinks.Home, () => Html(HomePage.Render(Days().Select(DaySummaryOf).ToList())));
        app.MapGet(BrowserLinks.Executions, () => Html(ExecutionsPage.Render(ExecutionSummaries())));
        app.MapGet(BrowserLinks.Executions + "/{name}", (string name, CancellationToken cancellationToken) => ExecutionPageOfAsync(name, cancellationToken));
        app.MapGet("/days/{date}", (string date) => DayPageOf(date));
        app.MapGet("/days/{date}/report", (string date) => ReportOf(date));
        app.MapGet("/files/{**key}", (string key) => FileOf(key));
    }

    private IReadOnlyList<AnalysedDay> Days() => AnalysisDays.Read(executions, bucketDirectory);

    private DaySummary DaySummaryOf(AnalysedDay day) =>
        new(day.Date, day.Headline ?? day.Error, RunStatusText.Parse(day.Status))
        {
            ExecutionName = day.Execution,
            HasReport = DayFiles.HtmlReport(bucketDirectory, day.Date) is not null,
            Stale = day.Stale,
        };

    private List<ExecutionSummary> ExecutionSummaries()
    {
        var all = executions.ReadAll();
        var days = AnalysisDays.Read(all, bucketDirectory).ToDictionary(d => d.Execution, StringComparer.Ordinal);
        return
        [
            .. all.Select(stored =>
            {
                var summary = StoredExecution.Summary(stored);
                return days.TryGetValue(summary.Name, out var day) ? summary with { Day = day.Date, Stale = day.Stale } : summary;
            }),
        ];
    }

    private async Task<IResult> ExecutionPageOfAsync(string name, CancellationToken cancellationToken)
    {
        JsonObject? stored;
        try
        {
            stored = executions.Find(name);
        }
        catch (ArgumentException)
        {
            stored = null;
        }

        if (stored is null)
        {
            return Results.NotFound($"No execution is named '{name}'.");
        }

        var day = Days().FirstOrDefault(d => d.Execution == name);
        var summary = StoredExecution.Summary(stored) with { Day = day?.Date, Stale = day?.Stale };
        var definition = await definitionOf((string?)stored["stateMachine"] ?? "", cancellationToken);
        return Html(ExecutionPage.Render(new ExecutionPageModel(summary, definition, StoredExecution.Events(stored))
        {
            Input = stored["input"],
            Output = stored["output"],
            Error = (string?)stored["error"],
            Cause = (string?)stored["cause"],
            Files = day is null ? [] : DayFiles.Find(bucketDirectory, day.Date),
        }));
    }

    private IResult DayPageOf(string text)
    {
        if (!TryDate(text, out var date) || Days().FirstOrDefault(d => d.Date == date) is not { } day)
        {
            return Results.NotFound($"No analysis of '{text}'.");
        }

        var report = DayFiles.HtmlReport(bucketDirectory, date) is null ? null : BrowserLinks.DayReport(date);
        return Html(DayPage.Render(new DayPageModel(DaySummaryOf(day), report, DayFiles.Find(bucketDirectory, date))));
    }

    private IResult ReportOf(string text) =>
        TryDate(text, out var date) && DayFiles.HtmlReport(bucketDirectory, date) is { } key
            ? FileOf(key)
            : Results.NotFound($"No report of '{text}'.");

    private IResult FileOf(string key)
    {
        var segments = key.Split('/');
        if (!s_servedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)) || segments.Any(s => s is "" or "." or ".."))
        {
            return Results.NotFound();
        }

        var path = Path.Combine([bucketDirectory, .. segments]);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(path) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".json" => "application/json",
            ".ndjson" => "application/x-ndjson",
            ".csv" => "text/csv; charset=utf-8",
            _ => "text/plain; charset=utf-8",
        };
        return TypedResults.PhysicalFile(path, type);
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
