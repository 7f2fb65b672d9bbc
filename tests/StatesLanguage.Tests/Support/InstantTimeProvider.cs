namespace StatesLanguage.Tests.Support;

/// <summary>A clock on which every timer fires at once and moves the clock forward by its due time, so that Wait
/// states and retry delays cost nothing yet timestamps still advance.</summary>
public sealed class InstantTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _timers = new();

    /// <summary>Due times of every timer created, in order: the waits and retry delays the engine asked for.</summary>
    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public InstantTimeProvider() : this(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
            Interlocked.Add(ref _ticks, dueTime.Ticks);
        if (dueTime != Timeout.InfiniteTimeSpan)
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoopTimer();
    }

    private sealed class NoopTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
