using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Analytics.Cli.Commands;
using Analytics.Cli.Embedded;
using Analytics.Cli.Workflows;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;
using Analytics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests.Workflows;

/// <summary>upload-processor on the local engine: what is retried, what is not, and what ends up stored.</summary>
public sealed class UploadProcessorWorkflowTests : IDisposable
{
    private static readonly string Day = SampleUploads.OneLineDay();

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-workflow-");

    public void Dispose() => _root.Delete(recursive: true);

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    private FileInfo File(string name, string json)
    {
        var path = Path.Combine(_root.FullName, name);
        System.IO.File.WriteAllText(path, json);
        return new FileInfo(path);
    }

    private static JsonArray Events(LocalWorkflows workflows, string execution) => workflows.Executions.Find(execution)!["events"]!.AsArray();

    /// <summary>Calls of ProcessUpload (the alert's sns:publish is a task too).</summary>
    private static int Attempts(JsonArray events) => events.Count(e => (string?)e!["type"] is "TaskScheduled" or "LambdaFunctionScheduled"
                                                                    && ((string?)e["resource"])?.EndsWith(":ProcessUpload", StringComparison.Ordinal) == true);

    [Fact]
    public async Task Upload_InvalidFile_FailsAfterOneAttemptWithInvalidUploadExceptionAndFileIsRejected()
    {
        await using var services = LocalEnvironment.CreateServices(DataDirectory, instantWaits: true);
        var workflows = services.GetRequiredService<LocalWorkflows>();

        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() =>
            new LocalUploader(services).UploadAsync(File("bad.json", Day.Replace("\"quantity\":2", "\"quantity\":0", StringComparison.Ordinal)), null, CancellationToken.None));

        var problem = Assert.Single(rejection.Problems);
        Assert.Equal("non_positive_quantity", problem.Code);
        var execution = Assert.Single(workflows.Executions.List());
        Assert.Equal(("FAILED", "InvalidUploadException"), ((string?)execution["status"], (string?)execution["error"]));
        var cause = JsonNode.Parse((string)Events(workflows, (string)execution["name"]!).Last()!["cause"]!)!;
        Assert.Equal(("InvalidUploadException", rejection.Message), ((string?)cause["errorType"], (string?)cause["errorMessage"]));
        var alert = System.IO.File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(DataDirectory, "outbox", LocalResources.AlertsTopic))));
        Assert.Contains("Subject: Upload rejected", alert, StringComparison.Ordinal);
        Assert.Contains($"{rejection.ObjectKey} (store store-0001)", alert, StringComparison.Ordinal);
        Assert.Contains($"First: {problem.JsonPath}: {problem.Message}", alert, StringComparison.Ordinal);
        Assert.Equal(1, Attempts(Events(workflows, (string)execution["name"]!)));
        Assert.True(System.IO.File.Exists(Path.Combine(DataDirectory, "bucket", UploadKeys.RejectedKey(rejection.ObjectKey))));
        Assert.True(System.IO.File.Exists(Path.Combine(DataDirectory, "bucket", UploadKeys.ErrorReportKey(rejection.ObjectKey))));
        Assert.False(System.IO.File.Exists(Path.Combine(DataDirectory, "bucket", rejection.ObjectKey)));
        Assert.Empty(await services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None));
    }

    [Fact]
    public async Task Upload_StoreThrottledTwice_IsRetriedAndTheDataIsStoredOnce()
    {
        FlakySalesStore? flaky = null;
        await using var services = LocalEnvironment.CreateServices(DataDirectory, instantWaits: true, configure: s =>
            s.AddSingleton<ISalesStore>(provider => flaky = new FlakySalesStore(new SqliteSalesStore(provider.GetRequiredService<SqliteConnectionFactory>()), failures: 2)));
        var workflows = services.GetRequiredService<LocalWorkflows>();

        var (output, execution) = await new LocalUploader(services).UploadAsync(File("day.json", Day), null, CancellationToken.None);

        Assert.Equal(20.00m, output.NetRevenue);
        Assert.True(flaky!.Calls == 3, string.Join("\n", Events(workflows, execution).Select(e => $"{e!["type"]} {e["error"]} {e["cause"]}")));
        var events = Events(workflows, execution);
        Assert.Equal(3, Attempts(events));
        Assert.Equal(2, events.Count(e => (string?)e!["error"] == nameof(ProvisionedThroughputExceededException)));
        var stored = Assert.Single(await services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.WithSkus, CancellationToken.None));
        Assert.Equal((1, 2L, 20.00m), (stored.Totals.Transactions, stored.Totals.Units, stored.Totals.NetRevenue));
    }

    [Fact]
    public async Task Upload_StoreFailingEveryAttempt_AlertsWhichFileAndStoreDaysAreMissingAndShowsNothing()
    {
        await using var services = LocalEnvironment.CreateServices(DataDirectory, instantWaits: true, configure: s =>
            s.AddSingleton<ISalesStore>(provider => new FlakySalesStore(new SqliteSalesStore(provider.GetRequiredService<SqliteConnectionFactory>()), failures: 100)));
        var workflows = services.GetRequiredService<LocalWorkflows>();

        var failure = await Record.ExceptionAsync(() => new LocalUploader(services).UploadAsync(File("day.json", Day), null, CancellationToken.None));

        Assert.NotNull(failure);
        var execution = Assert.Single(workflows.Executions.List());
        Assert.Equal(("FAILED", nameof(ProvisionedThroughputExceededException)), ((string?)execution["status"], (string?)execution["error"]));
        Assert.Equal(4, Attempts(Events(workflows, (string)execution["name"]!))); // the first and three retries
        var alert = System.IO.File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(DataDirectory, "outbox", LocalResources.AlertsTopic))));
        Assert.Contains("Subject: Upload not stored: day-", alert, StringComparison.Ordinal);
        Assert.Contains("(ProvisionedThroughputExceededException)", alert, StringComparison.Ordinal);
        Assert.Contains("1 store-day(s) are missing: store-0001 2025-01-15.", alert, StringComparison.Ordinal);
        Assert.Empty(await services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None));
    }

    [Fact]
    public async Task Upload_SameFileTwiceThroughTheWorkflow_StoresItOnce()
    {
        await using var services = LocalEnvironment.CreateServices(DataDirectory, instantWaits: true);
        var uploader = new LocalUploader(services);

        await uploader.UploadAsync(File("day.json", Day), null, CancellationToken.None);
        await uploader.UploadAsync(File("day.json", Day), null, CancellationToken.None);

        var stored = Assert.Single(await services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None));
        Assert.Equal(20.00m, stored.Totals.NetRevenue);
        Assert.Equal(2, services.GetRequiredService<LocalWorkflows>().Executions.List().Count);
    }

    /// <summary>A sales store whose first stagings fail the way DynamoDB throttling does.</summary>
    private sealed class FlakySalesStore(ISalesStore inner, int failures) : DelegatingSalesStore(inner)
    {
        public int Calls { get; private set; }

        public override Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken) =>
            ++Calls <= failures
                ? throw new ProvisionedThroughputExceededException("Rate of requests exceeds the allowed throughput.")
                : base.StageAsync(uploadId, records, cancellationToken);
    }
}
