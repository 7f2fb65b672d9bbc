using Microsoft.Extensions.Time.Testing;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class ExecutionOptionsTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static Task<ExecutionResult> RunAsync(string definition, ExecutionOptions options) =>
        StateMachine.Parse(definition).ExecuteAsync(JsonNode.Parse("{}"), options, CancellationToken.None);

    [Fact]
    public async Task InstantWaits_WaitOfAnHour_EndsAtOnceAndTheClockShowsTheHour()
    {
        var clock = new FakeTimeProvider(Start); // never advanced: a real wait would never end

        var result = await RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"Next":"Done"},"Done":{"Type":"Succeed"}}}""",
            new ExecutionOptions { TimeProvider = clock, InstantWaits = true });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var events = result.History.Events;
        var entered = events.Single(e => e.Type == HistoryEventType.WaitStateEntered).Timestamp;
        var exited = events.Single(e => e.Type == HistoryEventType.WaitStateExited).Timestamp;
        Assert.Equal(TimeSpan.FromHours(1), exited - entered);
    }

    [Fact]
    public async Task InstantWaits_RetryIntervals_PassAtOnceWithBackoffOnTheClock()
    {
        var clock = new FakeTimeProvider(Start);
        var calls = 0;
        var invoker = new DelegateInvoker((_, _) => ++calls < 3
            ? throw new TaskFailedException("Busy", "try later")
            : Task.FromResult<JsonNode?>(JsonValue.Create("ok")));

        var result = await RunAsync(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F",
             "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":100,"BackoffRate":2,"MaxAttempts":3}],"End":true}
            """), new ExecutionOptions { TimeProvider = clock, InstantWaits = true, TaskInvoker = invoker });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, calls);
        var events = result.History.Events;
        Assert.Equal(TimeSpan.FromSeconds(300), events[^1].Timestamp - events[0].Timestamp); // 100 s, then 200 s
    }

    [Fact]
    public async Task InstantWaits_TaskTimeout_StillRunsOnTheTimeProvider()
    {
        var clock = new FakeTimeProvider(Start);
        var started = new TaskCompletionSource();
        var invoker = new DelegateInvoker(async (_, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return (JsonNode?)null;
        });

        var running = RunAsync(Machines.OneState("""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F","TimeoutSeconds":5,"End":true}"""),
            new ExecutionOptions { TimeProvider = clock, InstantWaits = true, TaskInvoker = invoker });
        await started.Task;
        Assert.False(running.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(6));
        var result = await running;

        Assert.Equal(("FAILED", "States.Timeout"), (result.StatusText, result.Error));
    }

    [Fact]
    public async Task OnEvent_SeesEveryEventAsTheHistoryRecordsIt()
    {
        var seen = new List<HistoryEvent>();

        var result = await RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}""",
            new ExecutionOptions { TimeProvider = new FakeTimeProvider(Start), OnEvent = e => { lock (seen) { seen.Add(e); } } });

        Assert.Equal(result.History.Events, seen);
        Assert.Equal([1L, 2, 3, 4, 5, 6], seen.Select(e => e.Id));
    }
}
