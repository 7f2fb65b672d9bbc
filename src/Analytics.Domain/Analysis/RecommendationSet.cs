using Analytics.Domain.AiReview;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Analysis;

/// <summary>GenerateRecommendations' result document: the ranked recommendations and which inputs were missing.</summary>
/// <param name="MissingInputs">Steps whose results were not there (they failed), so recommendations resting on them
/// could not be made.</param>
/// <param name="Review">The model's ranking, explanations and own recommendations, when a model was used.</param>
public sealed record RecommendationSet(DateOnly Date, IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<string> MissingInputs,
                                       ModelReview? Review = null);
