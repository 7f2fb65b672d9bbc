using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Generation;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Functions.DailyAnalysis;
using Analytics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Cli.Tests;

/// <summary>A demo chain ingested once per fixture: 20 stores, 9 weeks (the 8-week baseline and the day).</summary>
public abstract class DemoChainFixture : IAsyncLifetime
{
    public static readonly DateOnly LastDate = new(2025, 1, 15); // the date of the sample events

    private readonly bool _plant;

    protected DemoChainFixture(bool plant) => _plant = plant;

    public CliRunner Cli { get; } = new();

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        string[] args = ["demo", "--stores", "20", "--days", "63", "--last-date", IsoDate.Format(LastDate)];
        (ExitCode, Output) = await Cli.RunAsync(_plant ? args : [.. args, "--no-anomalies"]);
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The combined insights of the demo's daily-analysis execution (other tests add runs of the sample events).</summary>
    public DailyInsights Insights()
    {
        var runs = Path.Combine(Cli.Bucket, "analysis", "runs", IsoDate.Format(LastDate));
        var file = Directory.GetFiles(runs, CombineInsightsStep.Result.FileName, SearchOption.AllDirectories)
            .Single(f => Path.GetFileName(Path.GetDirectoryName(f))!.StartsWith(LocalWorkflows.DailyAnalysis, StringComparison.Ordinal));
        return JsonSerializer.Deserialize(File.ReadAllText(file), AnalysisJsonContext.Default.DailyInsights)!;
    }
}

public sealed class SteadyChainFixture() : DemoChainFixture(plant: false);

public sealed class PlantedChainFixture() : DemoChainFixture(plant: true);

[Collection(nameof(SerialConsole))]
public sealed class SteadyDemoTests(SteadyChainFixture chain) : IClassFixture<SteadyChainFixture>
{
    /// <summary>daily-analysis's steps in the order a run reaches them, read from the state machine (a new step is
    /// invoked here without a change).</summary>
    private static readonly IReadOnlyList<string> DailySteps = Deployment.StateMachineTasks.Steps("daily-analysis");

    [Fact]
    public void Demo_NothingPlanted_RunsTheAnalysisAndRaisesNothingOfHighSeverity()
    {
        Assert.True(chain.ExitCode == 0, chain.Output);
        Assert.Contains("Report:", chain.Output, StringComparison.Ordinal);
        var insights = chain.Insights();
        Assert.False(insights.HasErrors);
        Assert.Equal(CombineInsightsStep.StatisticsOnlyNote, insights.ModelNote);
        Assert.False(insights.Anomalies!.HistoryTooShort);
        Assert.DoesNotContain(insights.Anomalies.Anomalies, a => a.Severity == AnomalySeverity.High);
        Assert.DoesNotContain(insights.Anomalies.Incidents!, i => i.Severity == AnomalySeverity.High);
    }

    [Fact]
    public void Demo_Report_IsWrittenWhereTheOutputSays()
    {
        var html = Path.Combine(chain.Cli.Bucket, "reports", IsoDate.Format(DemoChainFixture.LastDate), "daily-report.html");
        Assert.Contains(html, chain.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(html));
    }

    [Fact]
    public async Task Invoke_EveryDailyStepWithItsSampleEvent_Succeeds()
    {
        foreach (var step in DailySteps)
        {
            var (exitCode, output) = await chain.Cli.RunAsync("invoke", step, "--event", Path.Combine(SharedFolder.Repository, "events", $"{step}.json"));
            Assert.True(exitCode == 0, $"{step}: {output}");
            var response = JsonNode.Parse(output)!;
            if (step == GetStoreSummariesStep.StateName)
            {
                Assert.Equal(20, (int)response["storeCount"]!);
            }
        }

        var report = Path.Combine(chain.Cli.Bucket, "analysis", "runs", "2025-01-15", "sample", CombineInsightsStep.Result.FileName);
        Assert.True(File.Exists(report));
    }

    [Fact]
    public void Demo_Forecast_EveryStoreForTheNextSevenDays()
    {
        var forecast = chain.Insights().Forecast!;

        Assert.Equal(Enumerable.Range(1, 7).Select(i => DemoChainFixture.LastDate.AddDays(i)), forecast.Chain!.Days.Select(d => d.Date));
        Assert.Equal(20, forecast.Stores.Count);
        Assert.All(forecast.Chain.Days, d => Assert.True(!d.Closed && d.Low > 0m && d.Low <= d.Expected && d.Expected <= d.High, $"{d}"));
        Assert.Contains(chain.Insights().Parts, p => p is { Section: AnalysisSection.Forecast, Failed: false });
    }

    [Fact]
    public async Task Daily_ClosedDates_AreClosedForEveryoneInTheForecastExport()
    {
        var (exitCode, output, progress) = await chain.Cli.RunWithErrorsAsync("daily", "--date", "2025-01-14", "--closed-dates", "2025-01-18, 2025-01-19");

        Assert.True(exitCode == 0, output);
        Assert.Contains("  Uploads: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WaitForUploads", progress, StringComparison.Ordinal); // locally no cut-off by default: no waiting
        var rows = File.ReadAllLines(Path.Combine(chain.Cli.Bucket, "exports", "quicksight", "sales_forecast", "dt=2025-01-14", "part-00000.ndjson"))
            .Select(l => JsonNode.Parse(l)!).ToList();
        var closed = rows.Where(r => (string?)r["forecast_date"] is "2025-01-18" or "2025-01-19").ToList();
        Assert.Equal(2 * (rows.Count / 7), closed.Count);
        Assert.All(closed, r => Assert.Equal((true, 0m, 0m), ((bool)r["closed"]!, (decimal)r["expected"]!, (decimal)r["high"]!)));
        Assert.All(rows.Except(closed), r => Assert.True(!(bool)r["closed"]! && (decimal)r["expected"]! > 0m, r.ToJsonString()));
        Assert.Contains(rows, r => (string?)r["level"] == "store");
    }

    [Fact]
    public async Task Daily_ClosedDateThatIsNoDate_IsAUsageError()
    {
        var (exitCode, _, errors) = await chain.Cli.RunWithErrorsAsync("daily", "--date", "2025-01-14", "--closed-dates", "2025-12-25,Boxing Day");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--closed-dates: Analysis:ClosedDates:0 has 'Boxing Day', which is not an ISO date (yyyy-MM-dd).", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_UploadCutoffThatIsNoTime_IsAUsageError()
    {
        var (exitCode, _, errors) = await chain.Cli.RunWithErrorsAsync("daily", "--date", "2025-01-14", "--upload-cutoff", "9am");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--upload-cutoff: Analysis:UploadCutoff is '9am', which is not a time of day HH:mm", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_DateWithoutSales_FailsWithNoDataAvailableAndAlerts()
    {
        var (exitCode, _, errors) = await chain.Cli.RunWithErrorsAsync("daily", "--date", "2024-06-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("NoDataAvailable", errors, StringComparison.Ordinal);
        var alerts = Directory.GetFiles(Path.Combine(chain.Cli.DataDirectory, "outbox", "analytics-alerts"));
        Assert.Contains(alerts, a => File.ReadAllText(a).Contains("2024-06-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Daily_Range_RunsEveryDateInOrderAndReportsEachEvenWhenOneFails()
    {
        // 2024-11-13 is the day before the chain's first day of sales: no data, so that date fails; the next ones run.
        var (exitCode, output, _) = await chain.Cli.RunWithErrorsAsync("daily", "--from", "2024-11-13", "--to", "2024-11-15");

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["2024-11-13", "2024-11-14", "2024-11-15"], lines.Take(3).Select(l => l[..10]));
        Assert.Contains("FAILED", lines[0], StringComparison.Ordinal);
        Assert.Contains("NoDataAvailable", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1).Take(2), l => Assert.Contains("SUCCEEDED", l, StringComparison.Ordinal));
        Assert.Equal("1 of 3 dates did not succeed.", lines[3]);
        var executions = Directory.GetFiles(Path.Combine(chain.Cli.DataDirectory, "executions"))
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["input"]?["date"]?.GetValue<string>()).ToList();
        Assert.All((string[])["2024-11-13", "2024-11-14", "2024-11-15"], d => Assert.Single(executions, e => e == d));
    }

    [Theory]
    [InlineData("--from", "2025-01-10")]
    [InlineData("--from", "2025-01-10", "--to", "2025-01-09")]
    [InlineData("--from", "2023-01-01", "--to", "2025-01-09")]
    [InlineData("--date", "2025-01-10", "--from", "2025-01-10", "--to", "2025-01-11")]
    public async Task Daily_BadRange_IsAUsageError(params string[] args)
    {
        var (exitCode, _, errors) = await chain.Cli.RunWithErrorsAsync(["daily", .. args]);

        Assert.Equal(2, exitCode);
        Assert.Contains("--", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_FutureDate_FailsWithInvalidAnalysisDate()
    {
        var (exitCode, _, errors) = await chain.Cli.RunWithErrorsAsync("daily", "--date", "2999-01-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("InvalidAnalysisDateException", errors, StringComparison.Ordinal);
    }
}

[Collection(nameof(SerialConsole))]
public sealed class PlantedDemoTests(PlantedChainFixture chain) : IClassFixture<PlantedChainFixture>
{
    [Fact]
    public void Demo_PlantedAnomalies_AreFoundHighAndRankedAboveEverythingElse()
    {
        Assert.True(chain.ExitCode == 0, chain.Output);
        var anomalies = chain.Insights().Anomalies!.Anomalies;
        var planted = PlantedAnomalies.For(new SalesDataGenerator(new GeneratorOptions { Stores = 20, Days = 63, LastDate = DemoChainFixture.LastDate }).Stores, DemoChainFixture.LastDate);
        var expected = DemoCommand.Expectations(planted).ToList();

        bool IsPlanted(Anomaly a) => expected.Any(e => e.Subject == a.Subject && e.Id == a.SubjectId);
        var ranks = expected.Select(e => anomalies.ToList().FindIndex(a => a.Subject == e.Subject && a.SubjectId == e.Id && e.Metrics.Contains(a.Metric))).ToList();
        Assert.All(ranks, rank => Assert.True(rank >= 0, chain.Output));
        Assert.All(ranks, rank => Assert.Equal(AnomalySeverity.High, anomalies[rank].Severity));
        Assert.All(anomalies.Take(ranks.Max() + 1), a => Assert.True(IsPlanted(a), $"{a.Subject} {a.SubjectId} {a.Metric} ranks above a planted anomaly"));
        Assert.Contains("found, rank", chain.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT FOUND", chain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_AnExpectedStoreHasNotUploaded_WaitsInSkippedTimeUntilTheCutoffThenRunsAndSaysWhoIsMissing()
    {
        var closed = PlantedAnomalies.For(new SalesDataGenerator(new GeneratorOptions { Stores = 20, Days = 63, LastDate = DemoChainFixture.LastDate }).Stores,
                                          DemoChainFixture.LastDate).ClosedStore;
        var data = Directory.CreateTempSubdirectory("analytics-uploads-");
        try
        {
            CopyFolder(chain.Cli.DataDirectory, data.FullName); // the fixture's own runs stay the only ones of its date
            var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 16, 6, 0, 0, TimeSpan.Zero)); // never moves: only skipped waits do
            await using var services = LocalEnvironment.CreateServices(data.FullName, instantWaits: true, configure: s => s
                .AddSingleton<TimeProvider>(clock)
                .Configure<AnalysisOptions>(o => (o.TimeZone, o.UploadCutoff) = ("UTC", "09:00")));

            var (exitCode, output, progress) = await CliRunner.CapturedAsync(async () => (await DailyCommand.RunAsync(services, DemoChainFixture.LastDate, CancellationToken.None)).ExitCode);

            Assert.True(exitCode == 0, output + progress);
            var checks = progress.Split('\n').Count(l => l.EndsWith($"▸ {CheckUploadsStep.StateName}", StringComparison.Ordinal));
            var waits = progress.Split('\n').Count(l => l.EndsWith("▸ WaitForUploads", StringComparison.Ordinal));
            Assert.Equal((13, 12), (checks, waits)); // 06:00, 06:15, … 09:00: three hours of 15-minute waits, then on
            Assert.Contains($"  Uploads: waited until 09:00; no upload from {closed} (1 of 20 expected)", output, StringComparison.Ordinal);
            // The report says it too, before its findings.
            var report = File.ReadAllText(Path.Combine(data.FullName, "bucket", "reports", IsoDate.Format(DemoChainFixture.LastDate), "daily-report.txt"));
            Assert.Contains($"Uploads: waited until 09:00; no upload from {closed} (1 of 20 expected).", report.ReplaceLineEndings(" "), StringComparison.Ordinal);
            Assert.Equal(new DateTimeOffset(2025, 1, 16, 6, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Demo_PlantedAnomalies_AreTheLeadingFindingsOfTheReport()
    {
        var insights = chain.Insights();
        var incidents = insights.Anomalies!.Incidents!;
        var planted = PlantedAnomalies.For(new SalesDataGenerator(new GeneratorOptions { Stores = 20, Days = 63, LastDate = DemoChainFixture.LastDate }).Stores, DemoChainFixture.LastDate);
        var expected = DemoCommand.Expectations(planted).ToList();

        // Each planted change is a finding of its own, and they come before every other incident. The stores' are high;
        // the category's surge (about a fifth of the chain's usual day) is under the quarter that makes a finding high.
        var ranks = expected.Select(e => incidents.ToList().FindIndex(i => i.Facets.Any(a => a.Subject == e.Subject && a.SubjectId == e.Id && e.Metrics.Contains(a.Metric)))).ToList();
        Assert.All(ranks, rank => Assert.True(rank >= 0, string.Join("\n", incidents.Select(i => $"{i.Severity} {i.Cause} {i.CauseId}"))));
        Assert.Equal(expected.Count, ranks.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, expected.Count), ranks.Order());
        Assert.All(ranks, rank => Assert.True(incidents[rank].Material, $"{incidents[rank]}"));
        Assert.All(expected.Zip(ranks).Where(e => e.First.Subject == AnomalySubject.Store),
                   e => Assert.Equal(AnomalySeverity.High, incidents[e.Second].Severity));
        // The report lists them first, in that order, the closed store as not uploaded.
        var text = File.ReadAllText(Path.Combine(chain.Cli.Bucket, "reports", IsoDate.Format(DemoChainFixture.LastDate), "daily-report.txt"));
        var findings = text.IndexOf("Findings (", StringComparison.Ordinal);
        var positions = ranks.Order().Select(r => text.IndexOf($"\n{r + 1,2}. [", findings, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > findings && findings > 0, text));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains($"Store {planted.ClosedStore}: no upload yet;", text, StringComparison.Ordinal);
        Assert.Contains(", finding 1 of ", chain.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("in no finding", chain.Output, StringComparison.Ordinal);
    }
}
