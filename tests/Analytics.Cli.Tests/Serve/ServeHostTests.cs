using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Serve;
using Analytics.Cli.Workflows;
using Analytics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests.Serve;

/// <summary>
/// <c>analytics serve</c> in-process: a file dropped in the uploads folder is ingested through the Step Functions
/// service, a backfill runs the daily analysis, and the AWS CLI and the browser see the same executions.
/// </summary>
public sealed class ServeHostTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-serve-");
    private ServiceProvider? _services;
    private ServeHost? _host;

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    private ServeHost Host => _host!;

    public async Task InitializeAsync()
    {
        _services = LocalEnvironment.CreateServices(DataDirectory);
        _host = new ServeHost(new ServeOptions
        {
            DataDirectory = DataDirectory, Port = 0, LambdaPort = 0, DailyAt = null, ScanInterval = TimeSpan.FromMilliseconds(100),
        }, _services);
        await _host.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.DisposeAsync();
            await _services!.DisposeAsync();
            _root.Delete(recursive: true);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private async Task WaitForUploadAsync(string key)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!(Host.Watcher!.Ledger.TryGetValue(key, out var entry) && entry.Status != "STARTED"))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    [AwsCliFact]
    public async Task DroppedFile_AndBackfill_AreExecutionsTheCliAndTheBrowserSee()
    {
        var folder = Path.Combine(DataDirectory, "bucket", "uploads", "store-0001");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "day.json"), SampleUploads.OneLineDay());
        await WaitForUploadAsync("uploads/store-0001/day.json");

        using var client = new HttpClient { BaseAddress = Host.Address, Timeout = TimeSpan.FromMinutes(5) };
        using var backfill = await client.PostAsync("daily-runs", new StringContent("""{"from":"2025-01-14","to":"2025-01-15"}""", Encoding.UTF8, "application/json"));
        var runs = JsonNode.Parse(await backfill.Content.ReadAsStringAsync())!;
        var endpoint = Host.Address.ToString().TrimEnd('/');
        var uploads = await AwsCli.RunAsync("stepfunctions", "list-executions", "--state-machine-arn", ServeHost.ArnOf(LocalWorkflows.UploadProcessor), "--endpoint-url", endpoint);
        var dailies = await AwsCli.RunAsync("stepfunctions", "list-executions", "--state-machine-arn", ServeHost.ArnOf(LocalWorkflows.DailyAnalysis), "--endpoint-url", endpoint);
        var lastRun = (string)runs["runs"]![1]!["execution"]!;
        var home = await client.GetStringAsync("/");
        var page = await client.GetStringAsync($"/executions/{lastRun}");
        using var report = await client.GetAsync("/days/2025-01-15/report");
        using var escape = await client.GetAsync("/files/reports/..%2F..%2Fanalytics.db");

        Assert.Equal(HttpStatusCode.OK, backfill.StatusCode);
        Assert.Equal(["FAILED", "SUCCEEDED"], runs["runs"]!.AsArray().Select(r => (string)r!["status"]!)); // 2025-01-14 has no sales
        Assert.Equal("SUCCEEDED", (string?)Assert.Single(JsonNode.Parse(uploads.Output)!["executions"]!.AsArray())!["status"]);
        Assert.Equal(2, JsonNode.Parse(dailies.Output)!["executions"]!.AsArray().Count);
        Assert.Contains("2025-01-15", home, StringComparison.Ordinal);
        Assert.Contains("data-state=\"GetStoreSummaries\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.StartsWith("text/html", report.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    [ChromiumFact]
    public async Task ServedPages_InHeadlessChromium_AreNotBlankAndTheGraphHasEveryState()
    {
        var folder = Path.Combine(DataDirectory, "bucket", "uploads", "store-0001");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "day.json"), SampleUploads.OneLineDay());
        await WaitForUploadAsync("uploads/store-0001/day.json");
        var run = await Host.RunAsync(LocalWorkflows.DailyAnalysis, new JsonObject { ["date"] = "2025-01-15" }, "chromium", CancellationToken.None);
        var execution = new Uri(Host.Address, $"executions/{run["name"]}");

        var dom = await HeadlessChromium.DumpDomAsync(execution);
        var png = Path.Combine(_root.FullName, "execution.png");
        await HeadlessChromium.ScreenshotAsync(execution, png, 1280, 1600);
        var home = Path.Combine(_root.FullName, "home.png");
        await HeadlessChromium.ScreenshotAsync(Host.Address, home, 1280, 900);

        Assert.Equal("SUCCEEDED", (string?)run["status"]);
        foreach (var state in LocalWorkflows.Load(LocalWorkflows.DailyAnalysis).Definition.States.Keys)
        {
            Assert.Contains($"data-state=\"{state}\"", dom, StringComparison.Ordinal);
        }

        Assert.True(PngImage.Decode(await File.ReadAllBytesAsync(png)).DistinctColours() > 8, "the execution page's screenshot is blank");
        Assert.True(PngImage.Decode(await File.ReadAllBytesAsync(home)).ShareNotBackground() > 0.01, "the home page's screenshot is blank");
    }

    [AwsCliFact]
    public async Task LambdaApi_InvokesTheStepsOfTheService()
    {
        var outFile = Path.Combine(_root.FullName, "out.json");
        var (exitCode, output, errors) = await AwsCli.RunAsync("lambda", "invoke", "--function-name", "CheckUploads", "--payload", """{"input":{"date":"2025-01-15"}}""",
            "--endpoint-url", Host.LambdaAddress.ToString().TrimEnd('/'), outFile);

        Assert.True(exitCode == 0, errors);
        Assert.Equal(200, (int)JsonNode.Parse(output)!["StatusCode"]!);
    }
}
