using Analytics.Domain.AiReview;

namespace Analytics.Domain.Insights;

/// <summary>
/// AnalyzeTrends' facts for <see cref="Date"/>: the chain's series trend, and the fastest growing and declining
/// stores and categories by deseasonalized 28-day slope percent (at most <see cref="TrendAnalyzer.RankedCount"/>
/// each, those passing the volume rules of <see cref="TrendAnalyzer"/>; growing ones have a positive slope,
/// declining ones a negative one, steepest first).
/// </summary>
/// <param name="Review">The model's ranking and explanation of the trends, when a model was used.</param>
public sealed record TrendReport(
    DateOnly Date,
    SeriesTrend Chain,
    IReadOnlyList<EntityTrend> GrowingStores,
    IReadOnlyList<EntityTrend> DecliningStores,
    IReadOnlyList<EntityTrend> GrowingCategories,
    IReadOnlyList<EntityTrend> DecliningCategories,
    int StoresRanked,
    int CategoriesRanked,
    ModelReview? Review = null);
