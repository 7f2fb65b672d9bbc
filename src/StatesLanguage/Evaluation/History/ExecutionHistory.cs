using System.Runtime.InteropServices;

namespace StatesLanguage.Evaluation.History;

/// <summary>The events of one execution, numbered from 1 in the order they were recorded. Safe to append from
/// concurrent Map iterations and Parallel branches. Stored in fixed-size segments so that long histories never
/// reallocate one large array (which would land on the large object heap and force full collections); the first
/// segment starts small and doubles up to the segment size, so that short executions do not allocate a whole one.</summary>
public sealed class ExecutionHistory
{
    private const int SegmentSize = 4096;
    private const int FirstSegmentSize = 64;

    private readonly List<HistoryEvent[]> _segments = [];
    private readonly Lock _lock = new();
    private int _count;

    public IReadOnlyList<HistoryEvent> Events
    {
        get
        {
            lock (_lock)
            {
                var copy = new HistoryEvent[_count];
                for (var i = 0; i < _count; i++)
                    copy[i] = _segments[i / SegmentSize][i % SegmentSize];
                return copy;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _count;
        }
    }

    /// <summary>Appends a new event (not yet recorded), giving it the next id; <paramref name="previousEventId"/> 0
    /// means "the last event recorded".</summary>
    internal HistoryEvent Add(HistoryEvent newEvent, long previousEventId = 0)
    {
        lock (_lock)
        {
            var index = _count;
            if (index == 0)
                _segments.Add(new HistoryEvent[FirstSegmentSize]);
            else if (index < SegmentSize && index == _segments[0].Length)
                Array.Resize(ref CollectionsMarshal.AsSpan(_segments)[0], Math.Min(index * 2, SegmentSize));
            else if (index % SegmentSize == 0)
                _segments.Add(new HistoryEvent[SegmentSize]);
            newEvent.Id = index + 1L;
            newEvent.PreviousEventId = previousEventId > 0 ? previousEventId : index;
            _segments[index / SegmentSize][index % SegmentSize] = newEvent;
            _count = index + 1;
            return newEvent;
        }
    }

    /// <summary>One line per event.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Events);
}
