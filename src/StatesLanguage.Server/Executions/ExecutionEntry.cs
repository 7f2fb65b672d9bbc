using StatesLanguage.Evaluation.History;
using StatesLanguage.Server.Persistence;

namespace StatesLanguage.Server.Executions;

/// <summary>One execution the service knows: running (events arrive from the engine's threads) or finished (or read
/// back from the store). Every change and read of its mutable part holds its lock.</summary>
internal sealed class ExecutionEntry
{
    private readonly Lock _lock = new();
    private readonly List<HistoryEvent> _liveEvents = [];
    private List<ExecutionEvent> _events;
    private StoredExecution _state;

    public ExecutionEntry(StoredExecution state, long sequence)
    {
        _state = state;
        _events = [.. state.Events];
        Sequence = sequence;
    }

    /// <summary>Orders ListExecutions (newest first) and anchors its page tokens.</summary>
    public long Sequence { get; }

    public string Arn => _state.ExecutionArn;

    public string Name => _state.Name;

    public string StateMachineArn => _state.StateMachineArn;

    public bool IsExpress => _state.Type == "EXPRESS";

    public CancellationTokenSource? Cancellation { get; set; }

    public Task? Completion { get; set; }

    /// <summary>Set by StopExecution before it cancels the run: the run then ends as ABORTED with these.</summary>
    public (string? Error, string? Cause)? StopRequest { get; set; }

    public void OnEvent(HistoryEvent e)
    {
        lock (_lock)
            _liveEvents.Add(e);
    }

    /// <summary>The summary and every event so far (a running execution's events converted now).</summary>
    public StoredExecution Snapshot()
    {
        lock (_lock)
        {
            if (_liveEvents.Count == 0)
                return _state with { Events = [.. _events] };
            return _state with { Events = [.. _events, .. _liveEvents.OrderBy(e => e.Id).Select(ExecutionEvent.FromHistory)] };
        }
    }

    /// <summary>The summary without events (cheap: for DescribeExecution and ListExecutions).</summary>
    public StoredExecution Summary
    {
        get
        {
            lock (_lock)
                return _state;
        }
    }

    /// <summary>Ends the execution with its final summary and events (replacing the live ones).</summary>
    public StoredExecution Finish(Func<StoredExecution, StoredExecution> final, IReadOnlyList<ExecutionEvent> events)
    {
        lock (_lock)
        {
            _events = [.. events];
            _liveEvents.Clear();
            _state = final(_state) with { Events = [] };
            return _state with { Events = [.. _events] };
        }
    }
}
