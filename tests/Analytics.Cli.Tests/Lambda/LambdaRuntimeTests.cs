using System.Text;
using System.Text.Json.Nodes;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using Analytics.Functions.Hosting.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests.Lambda;

/// <summary>
/// The runtime loop in this process against the fake Runtime API, with steps that misbehave in ways no product step
/// can be made to on demand: one that ignores its cancellation token, one that counts its scopes.
/// </summary>
public sealed class LambdaRuntimeTests : IAsyncLifetime
{
    private const string Event = """
        {"run":{"date":"2025-01-15","executionName":"x","startedAt":"2025-01-16T11:00:00+00:00","prefix":"p/","storeCount":1,"currency":"USD","dayKey":"p/day.jsonl.gz"}}
        """;
    private FakeRuntimeApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeRuntimeApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task StepIgnoresItsDeadline_ReportedAsStepTimeoutBeforeTheDeadlineAndTheProcessEnds()
    {
        using var api = new RuntimeApiClient(_api.Endpoint);
        var run = new LambdaRuntime(api, TimeProvider.System).RunAsync(() => Host<DeafStep>(), CancellationToken.None);
        await _api.FirstNext.WaitAsync(TimeSpan.FromMinutes(1));

        var answer = await _api.InvokeAsync(Encoding.UTF8.GetBytes(Event), TimeSpan.FromSeconds(5)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(answer.IsError);
        var error = JsonNode.Parse(answer.Body)!;
        Assert.Equal(nameof(StepTimeoutException), (string?)error["errorType"]);
        Assert.True(((string)error["errorMessage"]!).Contains("did not stop when cancelled", StringComparison.Ordinal), answer.Body);
        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, _api.NextRequests);
        Assert.Empty(_api.Violations);
    }

    [Fact]
    public async Task ThreeInvocations_EachGetsAFreshScopeAndTheTraceIdOfItsOwn()
    {
        using var api = new RuntimeApiClient(_api.Endpoint);
        using var stop = new CancellationTokenSource();
        var run = new LambdaRuntime(api, TimeProvider.System).RunAsync(() => Host<ScopedStep>(), stop.Token);

        List<JsonNode> answers = [];
        foreach (var trace in new[] { "Root=1-00000001-000000000000000000000001", "Root=1-00000002-000000000000000000000002", "Root=1-00000003-000000000000000000000003" })
        {
            var answer = await _api.InvokeAsync(Encoding.UTF8.GetBytes(Event), TimeSpan.FromSeconds(60), trace).WaitAsync(TimeSpan.FromMinutes(1));
            Assert.False(answer.IsError, answer.Body);
            answers.Add(JsonNode.Parse(answer.Body)!);
        }

        await stop.CancelAsync();
        Assert.Equal(["1 Root=1-00000001-000000000000000000000001", "2 Root=1-00000002-000000000000000000000002", "3 Root=1-00000003-000000000000000000000003"],
                     answers.Select(a => (string)a["summary"]!));
        await AssertStoppedAsync(run);
        Assert.Empty(_api.Violations);
    }

    [Fact]
    public async Task InitThrows_ReportedOnceAndTheLoopNeverAsksForAnEvent()
    {
        using var api = new RuntimeApiClient(_api.Endpoint);

        var exitCode = await new LambdaRuntime(api, TimeProvider.System).RunAsync(() => throw new LambdaConfigurationException(["nothing is set."]), CancellationToken.None);

        Assert.Equal(1, exitCode);
        var error = await _api.InitError.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(nameof(LambdaConfigurationException), error.ErrorTypeHeader);
        Assert.Contains("nothing is set.", error.Body, StringComparison.Ordinal);
        Assert.Equal(0, _api.NextRequests);
    }

    /// <summary>A loop told to stop after its last answer either was already waiting for the next event (the wait is
    /// cancelled) or had not yet asked for it (it ends with 0): the test cannot tell which comes first, and both stop.</summary>
    private static async Task AssertStoppedAsync(Task<int> run)
    {
        try
        {
            Assert.Equal(0, await run);
        }
        catch (OperationCanceledException)
        {
            // stopped while waiting for the next event
        }
    }

    private static LambdaHost Host<TStep>()
        where TStep : class
    {
        var services = new ServiceCollection().AddLogging().AddScoped<TStep>().AddScoped<Counter>().AddSingleton<Scopes>().BuildServiceProvider();
        return new LambdaHost(services, new StepInvoker(services, StepDescriptor.ForStep(typeof(TStep))));
    }

    /// <summary>A step that never looks at its cancellation token.</summary>
    public sealed class DeafStep
    {
#pragma warning disable CA1822 // a step's handler is an instance method

        [LambdaFunction(ResourceName = "Deaf")]
        public async Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return AnalysisPart.Succeeded("Deaf", input.Run.Prefix, "statistics", "never");
        }
#pragma warning restore CA1822
    }

    /// <summary>A step that says which scope it runs in and which trace id the environment holds.</summary>
    public sealed class ScopedStep(Counter counter)
    {
        [LambdaFunction(ResourceName = "Scoped")]
        public Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken) =>
            Task.FromResult(AnalysisPart.Succeeded("Scoped", input.Run.Prefix, "statistics",
                                                   $"{counter.Scope} {Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID")}"));
    }

    /// <summary>Scoped: one per DI scope, numbered in the order scopes are created.</summary>
    public sealed class Counter(Scopes scopes)
    {
        public int Scope { get; } = scopes.Next();
    }

    public sealed class Scopes
    {
        private int _count;

        public int Next() => Interlocked.Increment(ref _count);
    }
}
