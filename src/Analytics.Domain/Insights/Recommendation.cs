namespace Analytics.Domain.Insights;

/// <summary>
/// An actionable recommendation. <see cref="Rank"/> 1 is the first to act on (priority, then the money at stake,
/// then kind and subject). <see cref="Facts"/> are the exact figures the title and action rest on.
/// </summary>
public sealed record Recommendation(
    int Rank,
    RecommendationPriority Priority,
    RecommendationKind Kind,
    string SubjectId,
    string Title,
    string Action,
    IReadOnlyList<RecommendationFact> Facts);
