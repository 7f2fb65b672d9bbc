namespace Analytics.Functions.Aws;

/// <summary>
/// How often and how long the batch helpers wait before resending items DynamoDB left unprocessed: exponential
/// backoff with full jitter (a random delay between zero and the capped exponential step).
/// </summary>
/// <param name="MaxAttempts">Calls per batch, the first included; after the last the helper gives up.</param>
/// <param name="BaseDelay">Upper bound of the delay before the first resend; doubles with each resend.</param>
/// <param name="MaxDelay">Cap of the exponential upper bound.</param>
public sealed record DynamoDbRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>8 calls, 50 ms doubling up to 5 s: at most about 11 s of waiting for one batch.</summary>
    public static DynamoDbRetryPolicy Default => new(8, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));

    /// <summary>The delay before resend number <paramref name="resend"/> (1 for the first resend).</summary>
    public TimeSpan DelayBefore(int resend)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(resend - 1, 30));
        var cap = Math.Min(MaxDelay.TotalMilliseconds, exponential);
#pragma warning disable CA5394 // Jitter only spreads retries; it needs no cryptographic randomness.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
#pragma warning restore CA5394
    }
}
