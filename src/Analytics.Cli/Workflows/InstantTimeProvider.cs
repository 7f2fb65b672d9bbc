namespace Analytics.Cli.Workflows;

/// <summary>
/// A clock on which every wait and retry interval elapses at once (<c>--instant-waits</c>): timers fire
/// immediately, and the time it reports moves forward by each skipped delay, so timestamps in histories still show
/// the waits as they would have happened.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private long _skippedTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _skippedTicks));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Add(ref _skippedTicks, dueTime.Ticks);
        }

        return System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero,
                                  period == Timeout.InfiniteTimeSpan ? period : TimeSpan.Zero);
    }
}
