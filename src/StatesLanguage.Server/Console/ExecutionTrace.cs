using StatesLanguage.Evaluation.History;
using StatesLanguage.Server.Executions;

namespace StatesLanguage.Server.Console;

/// <summary>What an execution's history says about each state: its runs in the order they were entered, the outcome
/// the console colours it with, and how the execution ended (null while it runs).</summary>
public sealed class ExecutionTrace
{
    private readonly Dictionary<string, StateRunOutcome> _outcomes;

    private ExecutionTrace(IReadOnlyList<StateRun> runs, HistoryEventType? end, string? error, string? cause)
    {
        Runs = runs;
        End = end;
        Error = error;
        Cause = cause;
        _outcomes = new(StringComparer.Ordinal);
        foreach (var run in runs)
            _outcomes[run.StateName] = _outcomes.TryGetValue(run.StateName, out var seen) && seen > run.Outcome ? seen : run.Outcome;
    }

    public IReadOnlyList<StateRun> Runs { get; }

    /// <summary>ExecutionSucceeded, ExecutionFailed or ExecutionTimedOut; null while the execution runs.</summary>
    public HistoryEventType? End { get; }

    public string? Error { get; }

    public string? Cause { get; }

    /// <summary>The most severe outcome of the state's runs; <see cref="StateRunOutcome.NotRun"/> when never entered.</summary>
    public StateRunOutcome OutcomeOf(string stateName) =>
        _outcomes.TryGetValue(stateName, out var outcome) ? outcome : StateRunOutcome.NotRun;

    public IEnumerable<StateRun> RunsOf(string stateName) => Runs.Where(r => r.StateName == stateName);

    public static ExecutionTrace From(IEnumerable<HistoryEvent> history) => From([.. history.Select(ExecutionEvent.FromHistory)]);

    /// <summary>The trace of events as the service keeps them (or reads them back from storage). An event whose
    /// <see cref="ExecutionEvent.PreviousEventId"/> is 0 (unknown) is given to the state that entered last; one of a
    /// type this engine does not know is passed over.</summary>
    public static ExecutionTrace From(IReadOnlyList<ExecutionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var runs = new List<OpenRun>();
        var open = new List<OpenRun>();
        var runOfEvent = new Dictionary<long, OpenRun>();
        HistoryEventType? end = null;
        string? error = null, cause = null;
        foreach (var e in events)
        {
            if (!Enum.TryParse<HistoryEventType>(e.Type, out var type))
                continue;
            var name = e.Type;
            if (name.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                var run = new OpenRun(e.StateName ?? "", name[..^"StateEntered".Length], e.Timestamp, e.Input);
                runs.Add(run);
                open.Add(run);
                runOfEvent[e.Id] = run;
            }
            else if (name.EndsWith("StateExited", StringComparison.Ordinal))
            {
                var index = open.FindLastIndex(r => r.Name == e.StateName);
                if (index < 0)
                    continue;
                var run = open[index];
                open.RemoveAt(index);
                run.Exited = e.Timestamp;
                run.Output = e.Output;
                runOfEvent[e.Id] = run;
            }
            else if (type is HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionTimedOut)
            {
                end = type;
                error = e.Error;
                cause = e.Cause;
            }
            else if (OwnerOf(e, open, runOfEvent) is { } owner)
            {
                runOfEvent[e.Id] = owner;
                if (IsFailure(type))
                {
                    owner.Error = e.Error;
                    owner.Cause = e.Cause;
                    owner.PendingError = true;
                    owner.FailedAttempts++;
                }
                else if (IsSuccess(type))
                {
                    owner.PendingError = false;
                }
            }
        }
        var someOpenRunFailed = open.Exists(r => r.PendingError || r.Type == "Fail");
        return new ExecutionTrace([.. runs.Select(r => r.Close(end, error, cause, someOpenRunFailed))], end, error, cause);
    }

    /// <summary>The run a task, Lambda, Parallel or Map event belongs to: task events by their chain of previous events
    /// (so concurrent branches do not mix), falling back on the task entered last; Parallel and Map events to the
    /// innermost open state of that type (their previous event is the last event of a branch).</summary>
    private static OpenRun? OwnerOf(ExecutionEvent e, List<OpenRun> open, Dictionary<long, OpenRun> runOfEvent)
    {
        var name = e.Type;
        if (name.StartsWith("Task", StringComparison.Ordinal) || name.StartsWith("LambdaFunction", StringComparison.Ordinal))
        {
            if (e.PreviousEventId > 0 && runOfEvent.TryGetValue(e.PreviousEventId, out var previous) && previous.Exited is null)
                return previous;
            return open.FindLast(r => r.Type == "Task");
        }
        if (name.StartsWith("ParallelState", StringComparison.Ordinal))
            return open.FindLast(r => r.Type == "Parallel");
        if (name.StartsWith("MapState", StringComparison.Ordinal))
            return open.FindLast(r => r.Type == "Map");
        return null;
    }

    private static bool IsFailure(HistoryEventType type) => type is HistoryEventType.TaskFailed or HistoryEventType.TaskTimedOut
        or HistoryEventType.LambdaFunctionFailed or HistoryEventType.LambdaFunctionTimedOut
        or HistoryEventType.ParallelStateFailed or HistoryEventType.MapStateFailed;

    private static bool IsSuccess(HistoryEventType type) => type is HistoryEventType.TaskSucceeded
        or HistoryEventType.LambdaFunctionSucceeded or HistoryEventType.ParallelStateSucceeded or HistoryEventType.MapStateSucceeded;

    private sealed class OpenRun(string name, string type, DateTimeOffset entered, JsonNode? input)
    {
        public string Name { get; } = name;

        public string Type { get; } = type;

        public DateTimeOffset? Exited { get; set; }

        public JsonNode? Output { get; set; }

        public string? Error { get; set; }

        public string? Cause { get; set; }

        /// <summary>The last failure was not followed by a success (a retry that worked).</summary>
        public bool PendingError { get; set; }

        public int FailedAttempts { get; set; }

        public StateRun Close(HistoryEventType? end, string? executionError, string? executionCause, bool someOpenRunFailed)
        {
            var (outcome, error, cause) = Outcome(end, executionError, executionCause, someOpenRunFailed);
            return new StateRun(Name, Type, entered)
            {
                Exited = Exited,
                Outcome = outcome,
                Error = error,
                Cause = cause,
                FailedAttempts = FailedAttempts,
                Input = input,
                Output = Output,
            };
        }

        private (StateRunOutcome, string?, string?) Outcome(HistoryEventType? end, string? executionError, string? executionCause, bool someOpenRunFailed)
        {
            if (Exited is not null)
                return PendingError ? (StateRunOutcome.Caught, Error, Cause) : (StateRunOutcome.Succeeded, null, null);
            if (Type == "Fail")
                return (StateRunOutcome.Failed, Error ?? executionError, Cause ?? executionCause);
            if (end is null)
                return (StateRunOutcome.InProgress, PendingError ? Error : null, PendingError ? Cause : null);
            if (PendingError)
                return (StateRunOutcome.Failed, Error, Cause);
            // Still open at the end without an error of its own: the execution's error when nothing else explains it
            // (a runtime error of this state, a timeout), else it was stopped by another state's failure.
            return end != HistoryEventType.ExecutionSucceeded && !someOpenRunFailed
                ? (StateRunOutcome.Failed, executionError, executionCause)
                : (StateRunOutcome.Aborted, null, null);
        }
    }
}
