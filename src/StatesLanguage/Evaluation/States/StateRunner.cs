using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Evaluation.States;

/// <summary>Runs a graph of states (a machine, a branch or an iteration) from StartAt to its end, recording
/// Entered/Exited events and giving States.Runtime errors AWS's "An error occurred while executing the state…"
/// prefix.</summary>
internal static class StateRunner
{
    internal const string RuntimePrefix = "An error occurred while executing the state";

    private static readonly PassExecutor Pass = new();
    private static readonly TaskExecutor TaskState = new();
    private static readonly ChoiceExecutor Choice = new();
    private static readonly WaitExecutor Wait = new();
    private static readonly SucceedExecutor Succeed = new();
    private static readonly FailExecutor Fail = new();
    private static readonly ParallelExecutor Parallel = new();
    private static readonly MapExecutor Map = new();

    /// <summary>Returns the graph's output; throws <see cref="StatesErrorException"/> when it fails.</summary>
    public static async ValueTask<StateData> RunAsync(StateMachineDefinition graph, StateData input, GraphScope scope)
    {
        var execution = scope.Execution;
        var name = graph.StartAt;
        // The history events that reference `input` when it is a root object made by the previous state's ResultPath
        // and referenced nowhere else; null when that is not known (the graph's own input, a selected child, …).
        List<HistoryEvent>? holders = null;
        var trackHolders = execution.Options.OnEvent is null; // a live listener may keep references to state data
        while (true)
        {
            execution.CancellationToken.ThrowIfCancellationRequested();
            var state = graph.States[name];
            var (executor, entered, exited) = Resolve(state);
            var enteredEvent = execution.Record(new HistoryEvent(entered) { StateName = state.Name, InputData = input }, scope);
            holders?.Add(enteredEvent);
            // Assign runs after ResultPath and may fail into a Catch, which must see the input unchanged.
            var run = new StateRun(scope, state, enteredEvent.Id, enteredEvent.Timestamp) { InputHolders = state.Assign is null ? holders : null };
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
            var exitedEvent = exited is HistoryEventType exitedType
                ? execution.Record(new HistoryEvent(exitedType) { StateName = state.Name, OutputData = outcome.Output, AssignedVariables = run.AssignedVariables }, scope)
                : null;
            holders = Track(holders, trackHolders, input, outcome.Output, run, exitedEvent);
            if (outcome.Next is null)
                return outcome.Output;
            input = outcome.Output;
            name = outcome.Next;
        }
    }

    /// <summary>The holders of the next state's input: a fresh ResultPath root starts a new list with the Exited event;
    /// an input passed on unchanged keeps its list; anything else is not tracked.</summary>
    private static List<HistoryEvent>? Track(List<HistoryEvent>? holders, bool enabled, StateData input, StateData output,
        StateRun run, HistoryEvent? exitedEvent)
    {
        if (!enabled || exitedEvent is null || !output.IsJson || output.Json is not JsonObject { Parent: null })
            return null;
        if (ReferenceEquals(output.Json, run.FreshOutput))
        {
            holders ??= [];
            holders.Clear();
            holders.Add(exitedEvent);
            return holders;
        }
        if (holders is { Count: > 0 } && input.IsJson && ReferenceEquals(output.Json, input.Json))
        {
            holders.Add(exitedEvent);
            return holders;
        }
        return null;
    }

    internal static (IStateExecutor Executor, HistoryEventType Entered, HistoryEventType? Exited) Resolve(StateDefinition state) => state switch
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
