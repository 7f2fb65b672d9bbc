namespace Analytics.Domain.AiReview;

/// <summary>
/// The model's service failed on its side (HTTP 500, 502, 503, 529). Thrown: the state machine retries it with backoff.
/// </summary>
public sealed class ServiceUnavailableException(string message, Exception? inner = null) : AnalyticsException(message, inner);
