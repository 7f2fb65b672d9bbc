namespace StatesLanguage.Evaluation.History;

/// <summary>The events of one execution, numbered from 1 in the order they were recorded. Safe to append from
/// concurrent Map iterations and Parallel branches.</summary>
public sealed class ExecutionHistory
{
    private readonly List<HistoryEvent> _events = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<HistoryEvent> Events
    {
        get
        {
            lock (_lock)
                return [.. _events];
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _events.Count;
        }
    }

    /// <summary>Appends an event, giving it the next id; <paramref name="previousEventId"/> 0 means "the last event
    /// recorded".</summary>
    internal HistoryEvent Add(HistoryEvent template, long previousEventId = 0)
    {
        lock (_lock)
        {
            var id = _events.Count + 1L;
            var item = template with { Id = id, PreviousEventId = previousEventId > 0 ? previousEventId : id - 1 };
            _events.Add(item);
            return item;
        }
    }

    /// <summary>One line per event.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Events);
}
