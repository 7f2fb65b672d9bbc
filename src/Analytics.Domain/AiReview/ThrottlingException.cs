namespace Analytics.Domain.AiReview;

/// <summary>The model refused the call for now (HTTP 429). Thrown: the state machine retries it with backoff.</summary>
public sealed class ThrottlingException(string message, Exception? inner = null) : AnalyticsException(message, inner);
