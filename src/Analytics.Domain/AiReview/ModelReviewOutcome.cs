namespace Analytics.Domain.AiReview;

/// <summary>
/// How asking the model about a step's facts went: a validated <see cref="Review"/>, or nothing (no model configured,
/// nothing to review), or a recorded failure (<see cref="Error"/>, <see cref="Cause"/>) after which the step keeps its
/// statistical result. Transient failures are not outcomes: they are thrown for the state machine's Retry.
/// </summary>
public sealed record ModelReviewOutcome(ModelReview? Review, string? Error, string? Cause)
{
    public static readonly ModelReviewOutcome None = new(null, null, null);

    public bool Failed => Error is not null;

    public static ModelReviewOutcome Succeeded(ModelReview review) => new(review, null, null);

    public static ModelReviewOutcome Failure(string error, string cause) => new(null, error, cause);
}
