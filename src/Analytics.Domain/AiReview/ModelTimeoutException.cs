namespace Analytics.Domain.AiReview;

/// <summary>
/// The model did not answer within <see cref="ModelOptions.TimeoutSeconds"/> (our own timeout, the client's, or an HTTP
/// 408/504). Thrown: the state machine retries it with backoff.
/// </summary>
public sealed class ModelTimeoutException(string message, Exception? inner = null) : AnalyticsException(message, inner);
