using Analytics.Domain.Insights;

namespace Analytics.Domain.Analysis;

/// <summary>GenerateRecommendations' result document: the ranked recommendations and which inputs were missing.</summary>
/// <param name="MissingInputs">Steps whose results were not there (they failed), so recommendations resting on them
/// could not be made.</param>
public sealed record RecommendationSet(DateOnly Date, IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<string> MissingInputs);
