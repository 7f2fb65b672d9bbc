namespace Analytics.Domain.AiReview;

/// <summary>
/// The model's answer was still invalid after one repair round-trip. Never thrown out of a step: its name is the
/// error a step records (<see cref="ModelReviewOutcome.Error"/>) while it keeps its statistical result.
/// </summary>
public sealed class InvalidModelAnswerException(IReadOnlyList<string> problems)
    : AnalyticsException($"The model's answer is invalid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
