using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class RetryAndCatchTests
{
    private static DelegateInvoker FailingTimes(int failures, string error, List<int> attempts) => new((invocation, _) =>
    {
        attempts.Add(invocation.Attempt);
        if (attempts.Count <= failures)
            throw new TaskFailedException(error, "boom");
        return Task.FromResult<JsonNode?>(JsonValue.Create("ok"));
    });

    private static string TaskWithRetry(string retrier) => Machines.OneState(
        $$"""{"Type":"Task","Resource":"arn:aws:states:::x","Retry":[{{retrier}}],"End":true}""");

    [Fact]
    public async Task Retry_IntervalAndBackoff_WaitsIntervalTimesBackoffPowers()
    {
        var clock = new InstantTimeProvider();
        var attempts = new List<int>();
        var result = await Machines.RunAsync(TaskWithRetry("""{"ErrorEquals":["E"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":3}"""),
            invoker: FailingTimes(3, "E", attempts), time: clock);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([0, 1, 2, 3], attempts);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(18)], clock.Timers);
    }

    [Fact]
    public async Task Retry_MaxDelaySeconds_CapsTheDelay()
    {
        var clock = new InstantTimeProvider();
        await Machines.RunAsync(TaskWithRetry("""{"ErrorEquals":["E"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":3,"MaxDelaySeconds":5}"""),
            invoker: FailingTimes(3, "E", []), time: clock);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], clock.Timers);
    }

    [Fact]
    public async Task Retry_FullJitter_StaysBelowTheComputedDelay()
    {
        var clock = new InstantTimeProvider();
        await Machines.RunAsync(TaskWithRetry("""{"ErrorEquals":["E"],"IntervalSeconds":10,"BackoffRate":2,"MaxAttempts":3,"JitterStrategy":"FULL"}"""),
            invoker: FailingTimes(3, "E", []), time: clock);
        double[] caps = [10, 20, 40];
        Assert.Equal(3, clock.Timers.Count);
        for (var i = 0; i < 3; i++)
            Assert.InRange(clock.Timers[i].TotalSeconds, 0, caps[i]);
    }

    [Fact]
    public async Task Retry_AttemptsExhausted_FailsWithTaskError()
    {
        var attempts = new List<int>();
        var result = await Machines.RunAsync(TaskWithRetry("""{"ErrorEquals":["E"],"MaxAttempts":2}"""), invoker: FailingTimes(10, "E", attempts));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("E", result.Error);
        Assert.Equal("boom", result.Cause);
        Assert.Equal(3, attempts.Count);
    }

    [Fact]
    public async Task Retry_TaskFailedMatcher_DoesNotMatchTimeout()
    {
        var attempts = new List<int>();
        var result = await Machines.RunAsync(TaskWithRetry("""{"ErrorEquals":["States.TaskFailed"]}"""),
            invoker: FailingTimes(10, "States.Timeout", attempts));
        Assert.Equal("States.Timeout", result.Error);
        Assert.Single(attempts);
    }

    [Fact]
    public async Task Catch_ResultPath_PutsErrorOutputIntoInput()
    {
        var definition = """
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::x","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Done"}],"End":true},
              "Done":{"Type":"Pass","End":true}}}
            """;
        var result = await Machines.RunAsync(definition, """{"keep":1}""", FailingTimes(1, "Custom", []));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"keep":1,"error":{"Error":"Custom","Cause":"boom"}}"""), result.Output));
    }

    [Fact]
    public async Task Catch_StatesRuntime_IsNeverCaught()
    {
        var definition = """
            {"StartAt":"T","States":{
              "T":{"Type":"Pass","InputPath":"$.missing","Next":"Done"},
              "Done":{"Type":"Pass","End":true}}}
            """;
        var result = await Machines.RunAsync(definition);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("An error occurred while executing the state 'T' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']", result.Cause);
    }

    [Fact]
    public async Task TimeoutSeconds_TaskTooSlow_FailsWithStatesTimeout()
    {
        var slow = new DelegateInvoker(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return null;
        });
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Task","Resource":"arn:aws:states:::x","TimeoutSeconds":5,"End":true}"""), invoker: slow);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Contains(result.History.Events, e => e.Type == StatesLanguage.Evaluation.History.HistoryEventType.TaskTimedOut);
    }

    [Fact]
    public async Task HeartbeatSeconds_NoHeartbeat_FailsWithHeartbeatTimeout()
    {
        var slow = new DelegateInvoker(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return null;
        });
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Task","Resource":"arn:aws:states:::x","TimeoutSeconds":50,"HeartbeatSeconds":5,"End":true}"""), invoker: slow);
        Assert.Equal("States.HeartbeatTimeout", result.Error);
    }
}
