using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Functions.Aws;
using Analytics.Functions.DailyAnalysis;
using Anthropic.Bedrock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests.LanguageModels;

/// <summary>A planted demo chain analysed once without a model (the statistics to compare with), and the fake Bedrock.</summary>
public sealed class FakeBedrockChainFixture : IAsyncLifetime
{
    public static readonly DateOnly LastDate = new(2025, 1, 15);

    public CliRunner Cli { get; } = new();

    public FakeBedrock Bedrock { get; private set; } = null!;

    public DailyInsights Statistics { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bedrock = await FakeBedrock.StartAsync();
        var (exitCode, output) = await Cli.RunAsync("demo", "--stores", "20", "--days", "63", "--last-date", IsoDate.Format(LastDate));
        Assert.True(exitCode == 0, output);
        var runs = Path.Combine(Cli.Bucket, "analysis", "runs", IsoDate.Format(LastDate));
        var file = Directory.GetFiles(runs, CombineInsightsStep.Result.FileName, SearchOption.AllDirectories).Single();
        Statistics = JsonSerializer.Deserialize(File.ReadAllText(file), AnalysisJsonContext.Default.DailyInsights)!;
    }

    public async Task DisposeAsync()
    {
        await Bedrock.DisposeAsync();
        Cli.Dispose();
    }
}

/// <summary>
/// The daily-analysis state machine on the local engine with the AI steps calling a fake Bedrock endpoint over HTTP,
/// through Anthropic.Bedrock's client: each request must be SigV4-signed for service bedrock and carry a Claude body;
/// each kind of answer must give its behaviour (model text used, statistics kept with a recorded error, or a typed error
/// retried by the state machine).
/// </summary>
[Collection(nameof(SerialConsole))]
public sealed class BedrockModelWorkflowTests(FakeBedrockChainFixture chain) : IClassFixture<FakeBedrockChainFixture>
{
    private const string AccessKey = "AKIDFAKEBEDROCKTEST";
    private const string Secret = "fake-secret-for-sigv4";
    private static readonly string[] AiSteps = [DetectAnomaliesStep.StateName, AnalyzeTrendsStep.StateName, GenerateRecommendationsStep.StateName];

    private async Task<(DailyInsights Insights, JsonArray Events, List<FakeBedrock.Request> Requests)> RunAsync(
        Func<int, FakeBedrock.Behaviour> reply, double timeoutSeconds = 30)
    {
        chain.Bedrock.Requests.Clear();
        chain.Bedrock.Reply = reply;
        chain.Bedrock.Know(AccessKey, Secret);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Model:Id"] = FakeBedrock.ModelId,
            ["Model:Endpoint"] = chain.Bedrock.Url.ToString(),
            ["Model:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        await using var services = LocalEnvironment.CreateServices(chain.Cli.DataDirectory, instantWaits: true, configure: s =>
        {
            s.AddSingleton<IAnthropicBedrockCredentials>(new AnthropicBedrockPrivateKeyCredentials { Region = FakeBedrock.Region, ApiAccessKey = AccessKey, ApiSecret = Secret });
            s.AddBedrockModel(configuration);
        });
        var (exitCode, insights) = await DailyCommand.RunAsync(services, FakeBedrockChainFixture.LastDate, CancellationToken.None);
        Assert.Equal(0, exitCode);
        var events = services.GetRequiredService<LocalWorkflows>().Executions.Find(insights!.ExecutionName)!["events"]!.AsArray();
        List<FakeBedrock.Request> requests = [.. chain.Bedrock.Requests];
        Assert.All(requests, AssertSignedClaudeRequest);
        return (insights, events, requests);
    }

    private static void AssertSignedClaudeRequest(FakeBedrock.Request request)
    {
        Assert.Equal($"/model/{FakeBedrock.ModelId}/invoke", request.Path);
        Assert.True(request.Signature.WellFormed, request.Signature.Detail);
        Assert.Equal((AccessKey, FakeBedrock.Region, "bedrock"), (request.Signature.AccessKey, request.Signature.Region, request.Signature.Service));
        Assert.True(request.Signature.BodyHashMatches, "x-amz-content-sha256 is not the body's hash");
        Assert.True(request.Signature.SignatureMatches, $"signature mismatch; canonical request:\n{request.Signature.Detail}");
        Assert.True(request.BodyProblems.Count == 0, string.Join("; ", request.BodyProblems));
    }

    private static PartStatus Part(DailyInsights insights, string step) => insights.Parts.Single(p => p.Step == step);

    private static int Failures(JsonArray events, string error) => events.Count(e => (string?)e!["error"] == error && ((string?)e["type"])!.EndsWith("Failed", StringComparison.Ordinal));

    private int Alerts() =>
        Directory.Exists(Path.Combine(chain.Cli.DataDirectory, "outbox", LocalResources.AlertsTopic))
            ? Directory.GetFiles(Path.Combine(chain.Cli.DataDirectory, "outbox", LocalResources.AlertsTopic)).Length
            : 0;

    private void AssertStatisticsUnchanged(DailyInsights insights)
    {
        Assert.Equal(chain.Statistics.Anomalies!.Anomalies, insights.Anomalies!.Anomalies, (a, b) => a with { Contributors = [] } == b with { Contributors = [] });
        Assert.Equal(chain.Statistics.Recommendations.Select(r => (r.Kind, r.SubjectId, r.Rank)), insights.Recommendations.Select(r => (r.Kind, r.SubjectId, r.Rank)));
        Assert.Equal(chain.Statistics.Trends!.Chain.WeekOverWeek, insights.Trends!.Chain.WeekOverWeek);
    }

    [Fact]
    public async Task DailyAnalysis_GoodAnswers_ModelTextBesideTheUnchangedStatistics()
    {
        var alerts = Alerts();

        var (insights, _, requests) = await RunAsync(_ => FakeBedrock.Behaviour.Good);

        Assert.Equal(3, requests.Count);
        Assert.All(AiSteps, step => Assert.Equal((PartStatus.Model, false, null), (Part(insights, step).Source, Part(insights, step).Failed, Part(insights, step).Error)));
        Assert.StartsWith(FakeBedrock.Summary, insights.Anomalies!.Review!.Summary, StringComparison.Ordinal);
        Assert.Equal("A1", Assert.Single(insights.Anomalies.Review.Findings).FactId);
        Assert.NotNull(insights.Trends!.Review);
        Assert.NotNull(insights.RecommendationsReview);
        Assert.Contains("An AI model ranked and explained", insights.ModelNote, StringComparison.Ordinal);
        Assert.False(insights.HasErrors);
        Assert.Equal(alerts, Alerts());
        AssertStatisticsUnchanged(insights);
    }

    [Theory]
    [InlineData(FakeBedrock.Behaviour.InvalidJson, "the answer is not a JSON object", "sales were fine")]
    [InlineData(FakeBedrock.Behaviour.InventedNumbers, "states 987,654.32, which is not a figure of the facts", "is 987,654.32.")]
    [InlineData(FakeBedrock.Behaviour.SaysZeroRevenue, "summary says \"zero\", but no money figure of the facts it is about is 0", FakeBedrock.ZeroRevenue)]
    [InlineData(FakeBedrock.Behaviour.OrdersClosingAllStores, "action says \"Close all stores\": never advise closing stores", FakeBedrock.CloseAllStores)]
    [InlineData(FakeBedrock.Behaviour.SaysDoubled, "but no change of the facts it is about is near that", FakeBedrock.Doubled)]
    public async Task DailyAnalysis_InvalidAnswersAfterTheRepair_KeepStatisticsRecordTheErrorAndAlert(FakeBedrock.Behaviour behaviour, string problem, string said)
    {
        var alerts = Alerts();

        var (insights, _, requests) = await RunAsync(_ => behaviour);

        Assert.Equal(6, requests.Count); // each AI step: the question, then one repair
        Assert.Equal(3, requests.Count(r => r.Messages == 3)); // the repair carries the answer and its problems
        foreach (var step in AiSteps)
        {
            var part = Part(insights, step);
            Assert.Equal((PartStatus.Statistics, false, nameof(InvalidModelAnswerException)), (part.Source, part.Failed, part.Error));
            Assert.Contains(problem, part.Cause, StringComparison.Ordinal);
        }

        Assert.Null(insights.Anomalies!.Review);
        Assert.True(insights.HasErrors);
        Assert.Equal(alerts + 1, Alerts());
        AssertStatisticsUnchanged(insights);
        var report = File.ReadAllText(Path.Combine(chain.Cli.Bucket, AnalysisKeys.TextReport(FakeBedrockChainFixture.LastDate)));
        Assert.DoesNotContain("every figure checked", report, StringComparison.Ordinal);
        Assert.DoesNotContain(said, report, StringComparison.Ordinal); // the problems quote only the offending words
    }

    [Fact]
    public async Task DailyAnalysis_ThrottledTwice_RetriedByTheStateMachineThenTheModelIsUsed()
    {
        var (insights, events, requests) = await RunAsync(i => i < 2 ? FakeBedrock.Behaviour.Throttle : FakeBedrock.Behaviour.Good);

        Assert.Equal(5, requests.Count);
        Assert.Equal(2, Failures(events, nameof(ThrottlingException)));
        Assert.All(AiSteps, step => Assert.Equal(PartStatus.Model, Part(insights, step).Source));
        Assert.False(insights.HasErrors);
    }

    [Theory]
    [InlineData(FakeBedrock.Behaviour.Hang, nameof(ModelTimeoutException))]
    [InlineData(FakeBedrock.Behaviour.ServerError, nameof(ServiceUnavailableException))]
    public async Task DailyAnalysis_ModelNeverAnswers_RetriedThenTheStatisticsAreKeptAndTheRunCompletesWithAnAlert(FakeBedrock.Behaviour behaviour, string error)
    {
        var alerts = Alerts();

        var (insights, events, requests) = await RunAsync(_ => behaviour, timeoutSeconds: 0.5);

        Assert.Equal(3 * 6, Failures(events, error)); // each AI step: the first attempt and five retries
        if (behaviour == FakeBedrock.Behaviour.Hang)
        {
            // A 0.5 s timeout on a loaded machine can cancel a call before the fake has read it: the fake then counts fewer.
            Assert.InRange(requests.Count, 3, 3 * 6);
        }
        else
        {
            Assert.Equal(3 * 6, requests.Count);
        }
        // Each step saved its statistical result before asking the model, so only the model's part is missing.
        Assert.All(AiSteps, step => Assert.Equal((false, error, PartStatus.Statistics),
                                                 (Part(insights, step).Failed, Part(insights, step).Error, Part(insights, step).Source)));
        Assert.True(insights.HasErrors);
        Assert.Equal(alerts + 1, Alerts());
        Assert.Equal(chain.Statistics.Company.NetRevenue, insights.Company.NetRevenue);
        AssertStatisticsUnchanged(insights);
        Assert.Null(insights.Anomalies!.Review);
        Assert.True(File.Exists(Path.Combine(chain.Cli.Bucket, AnalysisKeys.TextReport(FakeBedrockChainFixture.LastDate))));
    }

    [Fact]
    public async Task Daily_ChatEndpoint_OpenAiCompatibleModelIsUsed()
    {
        await using var chat = await FakeChatEndpoint.StartAsync();

        var (exitCode, output) = await chain.Cli.RunAsync("daily", "--date", IsoDate.Format(FakeBedrockChainFixture.LastDate),
                                                          "--model-id", "local-model", "--chat-endpoint", chat.Url.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains($"An AI model ranked and explained the statistical findings of {DetectAnomaliesStep.StateName}, {AnalyzeTrendsStep.StateName}, {GenerateRecommendationsStep.StateName}", output, StringComparison.Ordinal);
        Assert.Equal(["local-model", "local-model", "local-model"], chat.Models);
    }
}
