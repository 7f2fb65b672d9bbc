namespace Analytics.Domain.AiReview;

/// <summary>The model's JSON answer as parsed, before validation (every member may be missing).</summary>
public sealed record ModelAnswer(
    string? Summary,
    IReadOnlyList<ModelAnswerFinding>? Findings,
    IReadOnlyList<ModelAnswerRecommendation>? Recommendations);

/// <summary>A ranked fact in the model's answer.</summary>
public sealed record ModelAnswerFinding(string? FactId, string? Explanation);

/// <summary>A recommendation in the model's answer.</summary>
public sealed record ModelAnswerRecommendation(string? Title, string? Action, IReadOnlyList<string>? FactIds);
