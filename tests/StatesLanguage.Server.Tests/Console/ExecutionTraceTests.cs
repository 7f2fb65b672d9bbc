using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Server.Console;
using StatesLanguage.Server.Executions;
using StatesLanguage.Server.Tests.Console.Support;

namespace StatesLanguage.Server.Tests.Console;

public sealed class ExecutionTraceTests
{
    private const string RetriedTask = """
        {"StartAt":"Flaky","States":{"Flaky":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
          "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3}],"End":true}}}
        """;

    [Fact]
    public async Task From_TaskThatSucceedsOnItsThirdAttempt_IsSucceededWithTwoFailedAttempts()
    {
        var attempts = 0;
        var result = await RealMachines.RunAsync(StateMachine.Parse(RetriedTask), "{}",
            new TaskAnswers(_ => ++attempts < 3 ? throw new TaskFailedException("Glitch", "try again") : new JsonObject()));

        var run = Assert.Single(ExecutionTrace.From(result.History.Events).Runs);

        Assert.Equal(StateRunOutcome.Succeeded, run.Outcome);
        Assert.Equal(2, run.FailedAttempts);
        Assert.Null(run.Error);
        Assert.Equal(TimeSpan.FromSeconds(1 + 2), run.Duration); // the retries' waits, on the execution's clock
    }

    [Fact]
    public async Task From_RetriesExhausted_IsFailedWithTheLastError()
    {
        var result = await RealMachines.RunAsync(StateMachine.Parse(RetriedTask), "{}",
            new TaskAnswers(invocation => throw new TaskFailedException("Glitch", $"attempt {invocation.Attempt}")));

        var trace = ExecutionTrace.From(result.History.Events);

        var run = Assert.Single(trace.Runs);
        Assert.Equal(StateRunOutcome.Failed, run.Outcome);
        Assert.Equal(4, run.FailedAttempts);
        Assert.Equal(("Glitch", "attempt 3"), (run.Error, run.Cause));
        Assert.Equal(HistoryEventType.ExecutionFailed, trace.End);
        Assert.Equal(StateRunOutcome.NotRun, trace.OutcomeOf("Elsewhere"));
    }

    [Fact]
    public async Task From_EventsReadBackWithoutPreviousIds_GivesTheSameOutcomes()
    {
        var result = await RealMachines.RunDailyAnalysisAsync(("GenerateRecommendations", "ThrottlingException"));
        var stored = result.History.Events
            .Select(e => ExecutionEvent.FromStored(ExecutionEvent.FromHistory(e).ToStored()) with { PreviousEventId = 0 })
            .ToList();

        var live = ExecutionTrace.From(result.History.Events);
        var read = ExecutionTrace.From(stored);

        Assert.Equal(live.Runs.Select(r => (r.StateName, r.Outcome, r.Error)), read.Runs.Select(r => (r.StateName, r.Outcome, r.Error)));
        Assert.Equal(StateRunOutcome.Caught, read.OutcomeOf("GenerateRecommendations"));
    }
}
