namespace Analytics.Domain.AiReview;

/// <summary>
/// How a model client's HTTP failures map to the typed errors the state machine retries. 429 is throttling; 408 and 504
/// are timeouts; 500, 502, 503 and 529 (overloaded) are the service being unavailable (Bedrock documents its 500
/// <c>InternalServerException</c> as retryable). Any other status (400 validation, 403 access, 404 unknown model,
/// 424 model error, …) does not get better by retrying: null, and the step records a partial failure.
/// </summary>
public static class ModelErrors
{
    public static AnalyticsException? FromStatus(int status, string message, Exception? inner = null) => status switch
    {
        429 => new ThrottlingException(message, inner),
        408 or 504 => new ModelTimeoutException(message, inner),
        500 or 502 or 503 or 529 => new ServiceUnavailableException(message, inner),
        _ => null,
    };

    /// <summary>True for the errors a step lets escape for the state machine's Retry.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is ThrottlingException or ModelTimeoutException or ServiceUnavailableException;
}
