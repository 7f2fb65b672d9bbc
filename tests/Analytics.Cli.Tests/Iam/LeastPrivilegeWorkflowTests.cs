using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Analytics.Cli.Commands;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using Analytics.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using StatesLanguage.Evaluation;

namespace Analytics.Cli.Tests.Iam;

/// <summary>A demo chain ingested once (without policies): the data the policed daily analyses run on.</summary>
public sealed class PolicedChainFixture : IAsyncLifetime
{
    public static readonly DateOnly LastDate = new(2025, 1, 15);

    public CliRunner Cli { get; } = new();

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await Cli.RunAsync("demo", "--stores", "8", "--days", "63", "--last-date", IsoDate.Format(LastDate));
        Assert.True(exitCode == 0, output);
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// daily-analysis on the local engine with every step under its own deployed policy (<see cref="PolicedFunctions"/>):
/// the success path and each failure the state machine continues through must complete, with the partial-failure alert.
/// </summary>
[Collection(nameof(SerialConsole))]
public sealed class LeastPrivilegeDailyAnalysisTests(PolicedChainFixture chain) : IClassFixture<PolicedChainFixture>
{
    private static readonly string[] AiSteps = [DetectAnomaliesStep.StateName, AnalyzeTrendsStep.StateName, GenerateRecommendationsStep.StateName];

    private async Task<(ExecutionResult Result, DailyInsights? Insights, int Alerts)> RunAsync(Action<string, IServiceCollection>? configureFunction = null)
    {
        var alerts = Alerts();
        await using var host = new PolicedFunctions(chain.Cli.DataDirectory, configureFunction);
        var result = await host.Workflows.RunAsync(LocalWorkflows.DailyAnalysis, LocalWorkflows.Load(LocalWorkflows.DailyAnalysis),
            new JsonObject { ["date"] = IsoDate.Format(PolicedChainFixture.LastDate) }, null, null, CancellationToken.None);
        if (result.Status != ExecutionStatus.Succeeded)
        {
            return (result, null, Alerts() - alerts);
        }

        var report = result.Output!.Deserialize(StepJsonContext.Default.ReportOutput)!;
        var insights = await new AnalysisArtifacts(host.Bucket).ReadAsync(report.InsightsKey, AnalysisJsonContext.Default.DailyInsights, CancellationToken.None);
        Assert.True(await host.Bucket.ExistsAsync(report.HtmlKey, CancellationToken.None));
        Assert.NotEmpty(await host.Bucket.ListAsync(AnalysisKeys.ExportsPrefix, CancellationToken.None).ToListAsync());
        return (result, insights, Alerts() - alerts);
    }

    private static DailyInsights Completed((ExecutionResult Result, DailyInsights? Insights, int Alerts) run)
    {
        Assert.True(run.Result.Status == ExecutionStatus.Succeeded, $"{run.Result.StatusText}: {run.Result.Error}: {run.Result.Cause}");
        return run.Insights!;
    }

    private int Alerts()
    {
        var folder = Path.Combine(chain.Cli.DataDirectory, "outbox", LocalResources.AlertsTopic);
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    private static PartStatus Part(DailyInsights insights, string step) => insights.Parts.Single(p => p.Step == step);

    [Fact]
    public async Task DailyAnalysis_EveryStepUnderItsOwnPolicy_Succeeds()
    {
        var run = await RunAsync();

        var insights = Completed(run);
        Assert.False(insights.HasErrors, string.Join("; ", insights.Parts.Select(p => $"{p.Step} {p.Error} {p.Cause}")));
        Assert.Equal(0, run.Alerts);
        // CheckUploads' failures are caught (the run goes on): that it was allowed what it does shows in its result.
        Assert.Matches("^(uploads complete|no upload cut-off set)", DailyCommand.Uploads(run.Result));
    }

    [Fact]
    public async Task DailyAnalysis_CheckUploadsFails_RunsWithTheUploadsMarkedUnknown()
    {
        var run = await RunAsync((function, services) =>
        {
            if (function == CheckUploadsStep.StateName)
            {
                services.Decorate<ISalesStore>(_ => new UnavailableSalesStore());
            }
        });

        var insights = Completed(run);
        Assert.False(insights.HasErrors);
        Assert.StartsWith($"unknown, the check failed: {nameof(ProvisionedThroughputExceededException)}", DailyCommand.Uploads(run.Result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyAnalysis_ModelUnavailableAfterTheStatisticsWereSaved_CompletesWithTheStatisticsAndAnAlert()
    {
        var run = await RunAsync((_, services) => services.AddSingleton<IChatClient>(new UnavailableModel()));

        var insights = Completed(run);
        Assert.All(AiSteps, step => Assert.Equal((false, nameof(ServiceUnavailableException), PartStatus.Statistics),
                                                 (Part(insights, step).Failed, Part(insights, step).Error, Part(insights, step).Source)));
        Assert.NotNull(insights.Anomalies);
        Assert.NotNull(insights.Trends);
        Assert.True(insights.HasErrors);
        Assert.Equal(1, run.Alerts);
    }

    [Fact]
    public async Task DailyAnalysis_TheAiStepsStatisticsFailed_CompletesWithoutThemAndAnAlert()
    {
        var run = await RunAsync((function, services) =>
        {
            if (function is DetectAnomaliesStep.StateName or AnalyzeTrendsStep.StateName)
            {
                services.Decorate<ISalesStore>(_ => new UnavailableSalesStore());
            }
            else if (function == GenerateRecommendationsStep.StateName)
            {
                services.Decorate<IObjectStore>(objects => new NoWritesObjectStore(objects));
            }
        });

        var insights = Completed(run);
        Assert.Equal((true, nameof(ProvisionedThroughputExceededException)), (Part(insights, DetectAnomaliesStep.StateName).Failed, Part(insights, DetectAnomaliesStep.StateName).Error));
        Assert.Equal((true, nameof(ProvisionedThroughputExceededException)), (Part(insights, AnalyzeTrendsStep.StateName).Failed, Part(insights, AnalyzeTrendsStep.StateName).Error));
        Assert.Equal((true, nameof(AmazonS3Exception)), (Part(insights, GenerateRecommendationsStep.StateName).Failed, Part(insights, GenerateRecommendationsStep.StateName).Error));
        Assert.Contains("SlowDown", Part(insights, GenerateRecommendationsStep.StateName).Cause, StringComparison.Ordinal);
        Assert.Null(insights.Anomalies);
        Assert.Null(insights.Trends);
        Assert.Empty(insights.Recommendations);
        Assert.True(insights.HasErrors);
        Assert.Equal(1, run.Alerts);
    }

    /// <summary>A model whose service always fails on its side: the AI steps throw after saving their statistics.</summary>
    private sealed class UnavailableModel : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new ServiceUnavailableException("The model's service is unavailable (test).");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
                                                                              CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>A sales table that throttles every call: a statistics step fails before it saves anything.</summary>
    private sealed class UnavailableSalesStore : ISalesStore
    {
        private static ProvisionedThroughputExceededException Throttled() => new("Rate of requests exceeds the allowed throughput (test).");

        public Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken) => throw Throttled();

        public Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken) => throw Throttled();

        public Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken) => throw Throttled();

        public Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken) => throw Throttled();

        public Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) => throw Throttled();
    }

    /// <summary>A bucket that answers every write with S3's 503 SlowDown.</summary>
    private sealed class NoWritesObjectStore(IObjectStore inner) : IObjectStore
    {
        public string BucketName => inner.BucketName;

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
            throw new AmazonS3Exception("SlowDown: please reduce your request rate (test).", ErrorType.Receiver, "SlowDown", "test", HttpStatusCode.ServiceUnavailable);

        public Task MoveAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken) => inner.MoveAsync(sourceKey, destinationKey, cancellationToken);

        public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    }
}

/// <summary>upload-processor on the local engine with ProcessUpload under its deployed policy.</summary>
public sealed class LeastPrivilegeUploadTests : IDisposable
{
    private static readonly string Day = SampleUploads.OneLineDay();

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-iam-upload-");

    public void Dispose() => _root.Delete(recursive: true);

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    private FileInfo File(string name, string json)
    {
        var path = Path.Combine(_root.FullName, name);
        System.IO.File.WriteAllText(path, json);
        return new FileInfo(path);
    }

    private static Task<ExecutionResult> ProcessAsync(PolicedFunctions host, string key) =>
        host.Workflows.RunAsync(LocalWorkflows.UploadProcessor, LocalWorkflows.Load(LocalWorkflows.UploadProcessor), new JsonObject
        {
            ["detail"] = new JsonObject
            {
                ["bucket"] = new JsonObject { ["name"] = host.Bucket.BucketName },
                ["object"] = new JsonObject { ["key"] = key },
            },
        }, null, null, CancellationToken.None);

    [Fact]
    public async Task Upload_ValidFile_IsStored()
    {
        await using var host = new PolicedFunctions(DataDirectory);

        var (output, _) = await new Commands.LocalUploader(host.Services).UploadAsync(File("day.json", Day), null, CancellationToken.None);

        Assert.Equal(("accepted", 20.00m), (output.Status, output.NetRevenue));
        Assert.Single(await host.Services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None));
    }

    [Fact]
    public async Task Upload_InvalidFileThenTheSameEventAgain_RejectedAndMovedThenTheSameRejection()
    {
        await using var host = new PolicedFunctions(DataDirectory);
        var bad = Day.Replace("\"quantity\":2", "\"quantity\":0", StringComparison.Ordinal);

        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() => new Commands.LocalUploader(host.Services).UploadAsync(File("bad.json", bad), null, CancellationToken.None));
        Assert.True(await host.Bucket.ExistsAsync(UploadKeys.RejectedKey(rejection.ObjectKey), CancellationToken.None));
        Assert.False(await host.Bucket.ExistsAsync(rejection.ObjectKey, CancellationToken.None));

        // A redelivered event (or a retry after the move): the file is gone from uploads/, the recorded rejection is found.
        var retry = await ProcessAsync(host, rejection.ObjectKey);

        Assert.Equal((ExecutionStatus.Failed, nameof(InvalidUploadException)), (retry.Status, retry.Error));
        Assert.Contains(rejection.Message, retry.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CommitFailingEveryAttempt_ReportIncompleteUploadReadsThePendingSaveUnderItsOwnPolicy()
    {
        await using var host = new PolicedFunctions(DataDirectory, (function, services) =>
        {
            if (function == "ProcessUpload")
            {
                services.Decorate<ISalesStore>(sales => new CommitThrottledSalesStore(sales));
            }
        });
        await host.Bucket.WriteAsync("uploads/store-0001/day.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Day)), "application/json", CancellationToken.None);

        var result = await ProcessAsync(host, "uploads/store-0001/day.json");

        Assert.Equal((ExecutionStatus.Failed, nameof(ProvisionedThroughputExceededException)), (result.Status, result.Error));
        var alert = System.IO.File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(DataDirectory, "outbox", LocalResources.AlertsTopic))));
        Assert.Contains("1 store-day(s) are missing: store-0001 2025-01-15.", alert, StringComparison.Ordinal); // read from pending/
        Assert.Empty(await host.Services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None));
    }

    /// <summary>A sales table that stages but throttles every commit.</summary>
    private sealed class CommitThrottledSalesStore(ISalesStore inner) : DelegatingSalesStore(inner)
    {
        public override Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken) =>
            throw new ProvisionedThroughputExceededException("Rate of requests exceeds the allowed throughput (test).");
    }

    [Fact]
    public async Task Upload_EventKeyUrlEncoded_TheDecodedKeyIsFoundAndStored()
    {
        await using var host = new PolicedFunctions(DataDirectory);
        await host.Bucket.WriteAsync("uploads/red flower.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Day)), "application/json", CancellationToken.None);

        var result = await ProcessAsync(host, "uploads/red+flower.json");

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal("uploads/red flower.json", (string?)result.Output!["objectKey"]);
    }
}
