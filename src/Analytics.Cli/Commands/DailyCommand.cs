using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Cli.Embedded;
using Analytics.Cli.LanguageModels;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics daily [--date D]</c>: runs the daily-analysis state machine on the local engine with the in-process
/// steps and the embedded stores, showing each state as it runs, then prints where the report and the exports are and
/// the headline findings.
/// </summary>
internal static class DailyCommand
{
    /// <summary>How many anomalies and recommendations the summary lists.</summary>
    public const int Headlines = 5;

    public static Command Create(LocalEnvironment local)
    {
        var date = new Option<DateOnly?>("--date") { Description = "Business date to analyse (YYYY-MM-DD). Default: yesterday in the chain's time zone" };
        date.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<DateOnly?>() is { } d && d < UploadLimits.EarliestBusinessDate)
            {
                result.AddError($"--date {d:yyyy-MM-dd} is before {UploadLimits.EarliestBusinessDate:yyyy-MM-dd}, the earliest business date this system holds.");
            }
        });
        var timeZone = TimeZoneOption();
        var closedDates = new Option<string?>("--closed-dates")
        {
            Description = "Dates the whole chain is closed (public holidays), YYYY-MM-DD separated by commas: the sales forecast gives them 0",
        };
        closedDates.Validators.Add(result =>
        {
            try
            {
                ClosedDates(result.GetValueOrDefault<string?>()).ParseClosedDates();
            }
            catch (InvalidOperationException e)
            {
                result.AddError("--closed-dates: " + e.Message);
            }
        });
        var uploadCutoff = new Option<string?>("--upload-cutoff")
        {
            Description = "Wait for the stores expected to upload until HH:mm on the morning after the date, in the chain's time zone " +
                          "(checking every 15 minutes; with --instant-waits the waits pass at once). Default: no waiting",
        };
        uploadCutoff.Validators.Add(result =>
        {
            try
            {
                new AnalysisOptions { UploadCutoff = result.GetValueOrDefault<string?>() ?? "" }.ParseUploadCutoff();
            }
            catch (InvalidOperationException e)
            {
                result.AddError("--upload-cutoff: " + e.Message);
            }
        });
        var from = new Option<DateOnly?>("--from") { Description = "With --to: analyse every date of the range (a backfill), a few at once, in order of date" };
        var to = new Option<DateOnly?>("--to") { Description = "The last date of the range --from starts (included)" };
        var command = new Command("daily", "Run the daily analysis workflow for a business date and print where its report and exports are.")
        {
            date, timeZone, closedDates, uploadCutoff, from, to,
        };
        command.Validators.Add(result =>
        {
            var (first, last) = (result.GetValue(from), result.GetValue(to));
            if ((first is null) != (last is null))
            {
                result.AddError("--from and --to go together.");
            }
            else if (first is { } f && last is { } l)
            {
                if (result.GetValue(date) is not null)
                {
                    result.AddError("--date and --from/--to exclude each other.");
                }
                else if (f < UploadLimits.EarliestBusinessDate)
                {
                    result.AddError($"--from {f:yyyy-MM-dd} is before {UploadLimits.EarliestBusinessDate:yyyy-MM-dd}, the earliest business date this system holds.");
                }
                else
                {
                    try
                    {
                        DailyRange.Dates(f, l);
                    }
                    catch (ArgumentException e)
                    {
                        result.AddError("--from/--to: " + e.Message);
                    }
                }
            }
        });
        var model = new ModelFlags();
        model.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var closed = ClosedDates(parseResult.GetValue(closedDates)).ClosedDates;
            var cutoff = parseResult.GetValue(uploadCutoff) ?? "";
            Action<IServiceCollection> closures = services => services.Configure<AnalysisOptions>(options =>
            {
                foreach (var item in closed)
                {
                    options.ClosedDates.Add(item);
                }

                options.UploadCutoff = cutoff;
            });
            await using var services = local.BuildServices(parseResult, ChainTimeZone(parseResult.GetValue(timeZone)!) + model.Configure(parseResult) + closures);
            if (parseResult.GetValue(from) is { } first && parseResult.GetValue(to) is { } last)
            {
                return await RunRangeAsync(services, DailyRange.Dates(first, last), cancellationToken);
            }

            return (await RunAsync(services, parseResult.GetValue(date), cancellationToken)).ExitCode;
        });
        return command;
    }

    public static Option<string> TimeZoneOption() =>
        TimeZoneOption("The chain's IANA time zone (business dates, 'yesterday')", LocalZoneId());

    /// <summary>
    /// A <c>--time-zone</c> option whose value must be a zone id of the tz database (<see cref="TimeZones"/>): anything
    /// else is a usage error, reported before any work.
    /// </summary>
    public static Option<string> TimeZoneOption(string description, string defaultZone)
    {
        var option = new Option<string>("--time-zone") { Description = description, DefaultValueFactory = _ => defaultZone };
        option.Validators.Add(result =>
        {
            if (UnknownZone(result.GetValueOrDefault<string>()) is { } problem)
            {
                result.AddError("--time-zone " + problem);
            }
        });
        return option;
    }

    /// <summary>
    /// Adds a usage error when <c>--days</c> dates ending at <c>--last-date</c> would start before
    /// <see cref="UploadLimits.EarliestBusinessDate"/>: files of such dates would all be rejected.
    /// </summary>
    public static void CheckFirstDate(System.CommandLine.Parsing.CommandResult result, Option<DateOnly?> lastDate, Option<int> days)
    {
        if (result.GetValue(lastDate) is { } last && last.DayNumber - (result.GetValue(days) - 1) < UploadLimits.EarliestBusinessDate.DayNumber)
        {
            result.AddError($"--last-date {last:yyyy-MM-dd} with --days {result.GetValue(days)} starts before " +
                            $"{UploadLimits.EarliestBusinessDate:yyyy-MM-dd}, the earliest business date this system holds.");
        }
    }

    /// <summary>Why <paramref name="zone"/> is not a zone of the tz database; null when it is one.</summary>
    public static string? UnknownZone(string? zone) => zone is not null && TimeZones.Find(zone) is not null
        ? null
        : $"'{zone}' is not a time zone of the tz database ({TimeZones.Version}): give an IANA id such as America/New_York, Europe/Paris or UTC.";

    /// <summary>
    /// Yesterday in <paramref name="zone"/>: the last whole business day of stores there. Yesterday in UTC would be
    /// today in the Americas in their evening, and a generated day would then hold timestamps in the future.
    /// </summary>
    public static DateOnly YesterdayIn(string zone) =>
        DateOnly.FromDateTime((TimeZones.Find(zone) ?? NodaTime.DateTimeZone.Utc).ToLocal(DateTimeOffset.UtcNow).DateTime).AddDays(-1);

    /// <summary>This machine's zone when the tz database knows its id, otherwise UTC.</summary>
    private static string LocalZoneId() => TimeZones.Find(TimeZoneInfo.Local.Id) is { } zone ? zone.Id : "UTC";

    /// <summary>Options holding <c>--closed-dates</c> as the stack's <c>ClosedDates</c> sets them: one comma-separated item.</summary>
    private static AnalysisOptions ClosedDates(string? value)
    {
        var options = new AnalysisOptions();
        if (!string.IsNullOrWhiteSpace(value))
        {
            options.ClosedDates.Add(value);
        }

        return options;
    }

    public static Action<IServiceCollection> ChainTimeZone(string zone) =>
        services => services.Configure<AnalysisOptions>(options => options.TimeZone = zone);

    /// <summary>Runs one daily analysis and prints its outcome: exit code 0 and the insights when it succeeded.</summary>
    /// <remarks>The configured chain zone (<see cref="AnalysisOptions.TimeZone"/>) is checked first: an unknown one is
    /// reported and nothing runs (exit code 2), as the Lambda host refuses to start with it.</remarks>
    public static async Task<(int ExitCode, DailyInsights? Insights)> RunAsync(IServiceProvider services, DateOnly? date, CancellationToken cancellationToken)
    {
        var zone = services.GetRequiredService<IOptions<AnalysisOptions>>().Value.TimeZone;
        if (UnknownZone(zone) is { } problem)
        {
            await Console.Error.WriteLineAsync($"{AnalysisOptions.Section}:{nameof(AnalysisOptions.TimeZone)} {problem}");
            return (StatesCommand.Invalid, null);
        }

        var workflows = services.GetRequiredService<LocalWorkflows>();
        var input = date is { } d ? new JsonObject { ["date"] = IsoDate.Format(d) } : new JsonObject();
        var progress = Terminal.Error;
        var clock = Stopwatch.StartNew();
        var result = await workflows.RunAsync(LocalWorkflows.DailyAnalysis, LocalWorkflows.Load(LocalWorkflows.DailyAnalysis), input, null,
            ExecutionProgress.WriteTo(line => progress.WriteLine(line), LocalWorkflows.DailyAnalysis), cancellationToken);
        var execution = result.ExecutionArn[(result.ExecutionArn.LastIndexOf(':') + 1)..];
        var seconds = clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        var uploads = Uploads(result);
        if (result.Status != ExecutionStatus.Succeeded)
        {
            if (uploads is not null)
            {
                Console.Error.WriteLine($"Uploads: {uploads}");
            }

            Console.Error.WriteLine($"The daily analysis {result.StatusText} after {seconds} s: {result.Error}: {result.Cause}");
            Console.Error.WriteLine($"Its history: analytics executions show {execution}");
            return (1, null);
        }

        var report = result.Output!.Deserialize(StepJsonContext.Default.ReportOutput)!;
        var objects = (FolderObjectStore)services.GetRequiredService<IObjectStore>();
        var insights = await new AnalysisArtifacts(objects)
            .ReadAsync(report.InsightsKey, AnalysisJsonContext.Default.DailyInsights, cancellationToken);
        Console.WriteLine($"Daily analysis of {IsoDate.Format(insights.Date)} succeeded in {seconds} s (execution {execution}).");
        Console.WriteLine($"  Report:  {objects.PathOf(report.HtmlKey)}");
        Console.WriteLine($"  E-mail:  {objects.PathOf(report.TextKey)} (also in {Path.Combine(workflows.Outbox.Directory, LocalResources.DailyReportTopic)})");
        Console.WriteLine($"  Exports: {objects.PathOf(AnalysisKeys.ExportsPrefix + "manifests")} (QuickSight manifests; data beside them)");
        Console.WriteLine($"  Subject: {report.Subject}");
        Console.WriteLine($"  Uploads: {uploads}");
        PrintHeadlines(insights);
        return (0, insights);
    }

    /// <summary>Runs the daily analysis of every date (<see cref="DailyRange"/>), printing a line per date as it ends
    /// and all of them in order of date at the end; exit code 0 when every date succeeded.</summary>
    public static async Task<int> RunRangeAsync(IServiceProvider services, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken)
    {
        var zone = services.GetRequiredService<IOptions<AnalysisOptions>>().Value.TimeZone;
        if (UnknownZone(zone) is { } problem)
        {
            await Console.Error.WriteLineAsync($"{AnalysisOptions.Section}:{nameof(AnalysisOptions.TimeZone)} {problem}");
            return StatesCommand.Invalid;
        }

        var workflows = services.GetRequiredService<LocalWorkflows>();
        var machine = LocalWorkflows.Load(LocalWorkflows.DailyAnalysis);
        Console.Error.WriteLine($"Analysing {dates.Count} dates, {dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd}, {DailyRange.Parallelism} at once:");
        var runs = await DailyRange.RunAsync(dates, async (date, token) =>
        {
            var result = await workflows.RunAsync(LocalWorkflows.DailyAnalysis, machine, new JsonObject { ["date"] = IsoDate.Format(date) }, null, null, token);
            return Outcome(date, result);
        }, run => Console.Error.WriteLine($"  done {run}"), cancellationToken);
        foreach (var run in runs)
        {
            Console.WriteLine(run);
        }

        var failed = runs.Count(r => !r.Succeeded);
        Console.WriteLine(failed == 0 ? $"All {runs.Count} dates succeeded." : $"{failed} of {runs.Count} dates did not succeed.");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One date's outcome: the report's subject when it succeeded, the error and cause otherwise.</summary>
    internal static DateRun Outcome(DateOnly date, ExecutionResult result)
    {
        var execution = result.ExecutionArn[(result.ExecutionArn.LastIndexOf(':') + 1)..];
        return result.Status == ExecutionStatus.Succeeded
            ? new DateRun(date, result.StatusText, execution, result.Output.Deserialize(StepJsonContext.Default.ReportOutput)?.Subject)
            : new DateRun(date, result.StatusText, execution, $"{result.Error}: {result.Cause}");
    }

    /// <summary>
    /// What CheckUploads found (<see cref="UploadCheck.Describe"/>), as the state carried it (<c>$.uploads</c>) into
    /// GetStoreSummaries once the waiting was over; null when the execution never got there.
    /// </summary>
    internal static string? Uploads(ExecutionResult result)
    {
        var entered = result.History.Events.LastOrDefault(e => e.Type == HistoryEventType.TaskStateEntered && e.StateName == GetStoreSummariesStep.StateName);
        return entered?.Input?["uploads"] switch
        {
            JsonObject unknown when unknown.ContainsKey("unknown") => $"unknown, the check failed: {unknown["error"]}: {unknown["cause"]}",
            JsonObject check => check.Deserialize(StepJsonContext.Default.UploadCheck)!.Describe(),
            _ => null,
        };
    }

    private static void PrintHeadlines(DailyInsights insights)
    {
        Console.WriteLine(insights.ModelNote);
        foreach (var failed in insights.Parts.Where(p => p.Failed || p.Error is not null))
        {
            Console.WriteLine($"  ! {failed.Step} {(failed.Failed ? "failed" : "kept its statistics; the model failed")}: {failed.Error}: {failed.Cause}");
        }

        if (insights.Anomalies is { Incidents: { } incidents, HistoryTooShort: false } found)
        {
            var findings = incidents.Where(i => i.Material).ToList();
            Console.WriteLine($"Findings: {findings.Count} ({findings.Count(i => i.Severity == AnomalySeverity.High)} high), " +
                              $"from {found.Anomalies.Count} anomalies ({found.Anomalies.Count(a => a.Severity == AnomalySeverity.High)} high); " +
                              $"{incidents.Count - findings.Count} smaller movements left out");
            foreach (var finding in findings.Take(Headlines))
            {
                Console.WriteLine($"  {finding.Severity,-6} {Finding(finding)}");
            }
        }
        else if (insights.Anomalies is { } report)
        {
            Console.WriteLine(report.HistoryTooShort
                ? $"Anomalies: none raised. {report.Note}"
                : $"Anomalies: {report.Anomalies.Count} ({report.Anomalies.Count(a => a.Severity == AnomalySeverity.High)} high)");
            foreach (var anomaly in report.Anomalies.Take(Headlines))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {anomaly.Severity,-6} {anomaly.Subject} {anomaly.SubjectId}: {anomaly.Metric} {Figure(anomaly, anomaly.Value)} (expected {Figure(anomaly, anomaly.ExpectedLow)}–{Figure(anomaly, anomaly.ExpectedHigh)}{Percent(anomaly.PercentChange)})"));
            }
        }

        Console.WriteLine($"Recommendations: {insights.Recommendations.Count}");
        foreach (var recommendation in insights.Recommendations.Take(Headlines))
        {
            Console.WriteLine($"  {recommendation.Rank}. [{recommendation.Priority}] {recommendation.Title}");
        }
    }

    /// <summary>A finding in one line: the order and its share of the day, or its largest facet.</summary>
    private static string Finding(Incident finding)
    {
        if (finding.Order is { } order)
        {
            var line = order.Receipt.TopLine;
            return string.Create(CultureInfo.InvariantCulture,
                $"Order {order.Receipt.Id} at store {order.StoreId}, {order.Receipt.Timestamp:HH:mm}: {line.Quantity:N0} x {line.Sku} at {line.UnitPrice:0.00##} = {line.Amount:N2}, {order.ShareOfChainDay * 100m:0.##}% of the chain's day - verify it before acting on today's figures");
        }

        var lead = finding.Lead!;
        return lead.Metric == AnomalyMetric.NoSales
            ? string.Create(CultureInfo.InvariantCulture, $"{lead.Subject} {lead.SubjectId}: no upload yet (usually {lead.Median:N2})")
            : $"{lead.Subject} {lead.SubjectId}: {lead.Metric} {Figure(lead, lead.Value)} (expected {Figure(lead, lead.ExpectedLow)}–{Figure(lead, lead.ExpectedHigh)}{Percent(lead.PercentChange)})" +
              (finding.Facets.Count switch { 1 => "", 2 => ", and 1 more figure", var n => $", and {n - 1} more figures" });
    }

    /// <summary>An anomaly's figure: a return rate as a percentage (0.1338 is 13.38%), anything else to 2 places.</summary>
    private static string Figure(Anomaly anomaly, decimal value) =>
        anomaly.Metric == AnomalyMetric.ReturnRate
            ? string.Create(CultureInfo.InvariantCulture, $"{value * 100m:N2}%")
            : string.Create(CultureInfo.InvariantCulture, $"{value:N2}");

    private static string Percent(decimal? change) =>
        change is { } p ? string.Create(CultureInfo.InvariantCulture, $", {p:+0.##;-0.##;0}%") : "";
}
