namespace StatesLanguage.Definition;

/// <summary>One Retry entry. Delays are in seconds; the n-th retry waits
/// <c>IntervalSeconds × BackoffRate^(n-1)</c>, capped by <see cref="MaxDelaySeconds"/>; FULL jitter picks uniformly
/// in [0, delay).</summary>
public sealed record Retrier(IReadOnlyList<string> ErrorEquals)
{
    public int IntervalSeconds { get; init; } = 1;

    public int MaxAttempts { get; init; } = 3;

    public double BackoffRate { get; init; } = 2.0;

    public int? MaxDelaySeconds { get; init; }

    public JitterStrategy JitterStrategy { get; init; } = JitterStrategy.None;
}
