using StatesLanguage.Definition;
using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation;

/// <summary>Decides whether a failed attempt is retried and how long to wait. Each retrier counts its own attempts;
/// the first retrier whose ErrorEquals matches decides.</summary>
internal sealed class RetryScheduler(IReadOnlyList<Retrier> retriers)
{
    private int[]? _attempts;

    /// <summary>The delay before the next attempt, or null when the error is not retried (any more).</summary>
    public TimeSpan? NextDelay(StatesError error, Random random)
    {
        if (retriers.Count == 0 || !ErrorMatcher.IsRecoverable(error))
            return null;
        for (var i = 0; i < retriers.Count; i++)
        {
            var retrier = retriers[i];
            if (!ErrorMatcher.Matches(retrier.ErrorEquals, error))
                continue;
            _attempts ??= new int[retriers.Count];
            if (_attempts[i] >= retrier.MaxAttempts)
                return null;
            var delay = Delay(retrier, _attempts[i], random);
            _attempts[i]++;
            return delay;
        }
        return null;
    }

    /// <summary><c>IntervalSeconds × BackoffRate^retryIndex</c>, capped by MaxDelaySeconds, then jittered.</summary>
    internal static TimeSpan Delay(Retrier retrier, int retryIndex, Random random)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, retryIndex);
        if (retrier.MaxDelaySeconds is int cap && seconds > cap)
            seconds = cap;
#pragma warning disable CA5394 // Jitter is not security sensitive.
        if (retrier.JitterStrategy == JitterStrategy.Full)
            seconds *= random.NextDouble();
#pragma warning restore CA5394
        return TimeSpan.FromSeconds(seconds);
    }
}
