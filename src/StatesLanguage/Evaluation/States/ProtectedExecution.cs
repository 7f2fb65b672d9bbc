using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.States;

/// <summary>The data flow of a state with Retry and Catch (Task, Parallel, Map): InputPath, Parameters, the work,
/// ResultSelector, ResultPath, Assign, OutputPath. A failure is retried by the first matching retrier, then caught by
/// the first matching catcher, whose <c>{"Error","Cause"}</c> output goes through the catcher's ResultPath.</summary>
internal static class ProtectedExecution
{
    public delegate ValueTask<StateData> Work(StateData effectiveInput, StateData parameters, StateRun run);

    public static async ValueTask<StateOutcome> RunAsync(StateDefinition state, ResultHandling data, ErrorHandling errors,
        StateData input, StateRun run, Work work)
    {
        RetryScheduler? retries = null;
        // Without Parameters a Task's payload is its input, which the invoker may keep: never changed in place then.
        var inputPrivate = data.Parameters is not null || state is ParallelState;
        while (true)
        {
            StatesError error;
            try
            {
                var jsonata = state.QueryLanguage == QueryLanguage.Jsonata;
                var effective = jsonata ? input : DataFlow.SelectPath(state.InputPath, input.Json, run);
                var parameters = DataFlow.Apply(data.Parameters, effective, run);
                run.Inspection?.Prepared(state, effective.Json, parameters.Json);
                var result = run.Inspection?.Mock is { } mock ? await mock(effective.Json, parameters.Json, run) : await work(effective, parameters, run);
                run.Inspection?.Produced(result.Json);
                if (jsonata)
                    return new StateOutcome(DataFlow.Conclude(state.Assign, state.Output, input, StatesValues.WithResult(result), result, run), state.Next);
                var selected = DataFlow.Apply(data.ResultSelector, result, run).Json;
                run.Inspection?.Selected(selected);
                var output = DataFlow.ApplyResultPath(data.ResultPath, data.DiscardResult, input.Json, selected, run, inputPrivate);
                run.Inspection?.Placed(output);
                DataFlow.Assign(state.Assign, selected, run);
                return new StateOutcome(DataFlow.SelectPath(state.OutputPath, output, run), state.Next);
            }
            catch (StatesErrorException ex) when (ErrorMatcher.IsRecoverable(ex.Error) && (errors.Retry.Count > 0 || errors.Catch.Count > 0))
            {
                error = ex.Error;
                retries ??= new RetryScheduler(errors.Retry);
                if (run.Inspection is { } inspection)
                {
                    if (inspection.IsRetriable(errors.Retry, error))
                        throw; // TestState reports RETRIABLE rather than retrying
                }
                else if (retries.NextDelay(error, run.Execution.Random) is TimeSpan delay)
                {
                    await run.Execution.DelayAsync(delay, run.Execution.CancellationToken);
                    run.RetryCount++;
                    continue;
                }
                var catcher = FindCatcher(errors.Catch, error);
                if (catcher is null)
                    throw;
                run.Inspection?.Caught(errors.Catch, catcher, error);
                var errorOutput = new JsonObject();
                if (error.Name is not null)
                    errorOutput["Error"] = error.Name;
                if (error.Cause is not null)
                    errorOutput["Cause"] = error.Cause;
                if (state.QueryLanguage == QueryLanguage.Jsonata)
                {
                    var output = DataFlow.Conclude(catcher.Assign, catcher.Output, input, StatesValues.WithErrorOutput(errorOutput), errorOutput, run);
                    return new StateOutcome(output, catcher.Next);
                }
                var caught = DataFlow.ApplyResultPath(catcher.ResultPath, catcher.DiscardResult, input.Json, errorOutput, run, inputPrivate);
                DataFlow.Assign(catcher.Assign, errorOutput, run);
                return new StateOutcome(caught, catcher.Next);
            }
        }
    }

    private static Catcher? FindCatcher(IReadOnlyList<Catcher> catchers, StatesError error)
    {
        foreach (var catcher in catchers)
        {
            if (ErrorMatcher.Matches(catcher.ErrorEquals, error))
                return catcher;
        }
        return null;
    }
}
