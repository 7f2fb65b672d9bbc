using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Evaluation.States;

/// <summary>Parallel: every branch runs concurrently on the effective parameters, each with its own variable scope;
/// the result is the array of branch outputs in branch order. The first branch failure fails the state.</summary>
internal sealed class ParallelExecutor : IStateExecutor
{
    public ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        var parallel = (ParallelState)state;
        return ProtectedExecution.RunAsync(parallel, parallel.Data, parallel.Errors, input, run,
            static (_, parameters, r) => RunBranchesAsync((ParallelState)r.State, parameters, r));
    }

    private static async ValueTask<StateData> RunBranchesAsync(ParallelState parallel, StateData parameters, StateRun run)
    {
        var execution = run.Execution;
        var started = execution.Record(new HistoryEvent(HistoryEventType.ParallelStateStarted), run.Scope);
        var tasks = new Task<StateData>[parallel.Branches.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var branch = parallel.Branches[i];
            var scope = new GraphScope(execution, new VariableScope(run.Scope.Variables)) { LastEventId = started.Id };
            // Each branch gets its own copy of JSON; a JSONata value, never changed, is shared.
            var branchInput = parameters.IsJson ? JsonData.Clone(parameters.Json) : parameters;
            // Started in place rather than queued: each branch runs until its first incomplete await (a Task
            // waiting on its resource, a Wait), then the next one starts, so branches still overlap where they wait.
            tasks[i] = StateRunner.RunAsync(branch, branchInput, scope).AsTask();
        }
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (StatesErrorException)
        {
            var failure = FirstFailure(tasks);
            execution.Record(new HistoryEvent(HistoryEventType.ParallelStateFailed) { Error = failure.Error.Name, Cause = failure.Error.Cause }, run.Scope, ExecutionRun.AfterLastRecorded);
            throw failure;
        }
        var result = new JsonArray();
        foreach (var task in tasks)
        {
            var output = task.Result.Json;
            result.Add(output?.Parent is null ? output : output.DeepClone()); // added one by one: a branch output seen twice is copied
        }
        execution.Record(new HistoryEvent(HistoryEventType.ParallelStateSucceeded), run.Scope, ExecutionRun.AfterLastRecorded);
        return result;
    }

    private static StatesErrorException FirstFailure(Task<StateData>[] tasks)
    {
        foreach (var task in tasks)
        {
            if (task.Exception?.InnerException is StatesErrorException error)
                return error;
        }
        throw new InvalidOperationException("A branch failed without a States error.");
    }
}
