using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Evaluation.States;

/// <summary>Runs a graph of states (a machine, a branch or an iteration) from StartAt to its end, recording
/// Entered/Exited events and giving States.Runtime errors AWS's "An error occurred while executing the state…"
/// prefix.</summary>
internal static class StateRunner
{
    private const string RuntimePrefix = "An error occurred while executing the state";

    private static readonly PassExecutor Pass = new();
    private static readonly TaskExecutor TaskState = new();
    private static readonly ChoiceExecutor Choice = new();
    private static readonly WaitExecutor Wait = new();
    private static readonly SucceedExecutor Succeed = new();
    private static readonly FailExecutor Fail = new();
    private static readonly ParallelExecutor Parallel = new();
    private static readonly MapExecutor Map = new();

    /// <summary>Returns the graph's output; throws <see cref="StatesErrorException"/> when it fails.</summary>
    public static async ValueTask<JsonNode?> RunAsync(StateMachineDefinition graph, JsonNode? input, GraphScope scope)
    {
        var execution = scope.Execution;
        var name = graph.StartAt;
        while (true)
        {
            execution.CancellationToken.ThrowIfCancellationRequested();
            var state = graph.States[name];
            var (executor, entered, exited) = Resolve(state);
            var enteredEvent = execution.Record(new HistoryEvent(entered) { StateName = state.Name, Input = input }, scope);
            var run = new StateRun(scope, state, enteredEvent.Id, enteredEvent.Timestamp);
            StateOutcome outcome;
            try
            {
                outcome = await executor.ExecuteAsync(state, input, run);
                DataFlow.CheckSize(outcome.Output, run);
            }
            catch (StatesErrorException ex) when (ex.Error.Name == StatesErrorNames.Runtime
                && ex.Error.Cause?.StartsWith(RuntimePrefix, StringComparison.Ordinal) != true)
            {
                throw run.RuntimeError(ex.Error.Cause ?? "");
            }
            if (exited is HistoryEventType exitedType)
                execution.Record(new HistoryEvent(exitedType) { StateName = state.Name, Output = outcome.Output }, scope);
            if (outcome.Next is null)
                return outcome.Output;
            input = outcome.Output;
            name = outcome.Next;
        }
    }

    private static (IStateExecutor Executor, HistoryEventType Entered, HistoryEventType? Exited) Resolve(StateDefinition state) => state switch
    {
        PassState => (Pass, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited),
        Definition.TaskState => (TaskState, HistoryEventType.TaskStateEntered, HistoryEventType.TaskStateExited),
        ChoiceState => (Choice, HistoryEventType.ChoiceStateEntered, HistoryEventType.ChoiceStateExited),
        WaitState => (Wait, HistoryEventType.WaitStateEntered, HistoryEventType.WaitStateExited),
        SucceedState => (Succeed, HistoryEventType.SucceedStateEntered, HistoryEventType.SucceedStateExited),
        FailState => (Fail, HistoryEventType.FailStateEntered, null),
        ParallelState => (Parallel, HistoryEventType.ParallelStateEntered, HistoryEventType.ParallelStateExited),
        _ => (Map, HistoryEventType.MapStateEntered, HistoryEventType.MapStateExited),
    };
}
