using System.Globalization;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state GenerateRecommendations: prioritized actions, each citing its facts, from the metrics,
/// anomalies and trends. A failed anomaly or trend step leaves out only the recommendations that rest on it. When a model
/// is configured, its validated ranking, explanations and own recommendations citing the facts (<see cref="ModelReviewer"/>).
/// </summary>
public sealed class GenerateRecommendationsStep(RunData data, RecommendationEngine engine, ModelReviewer reviewer)
{
    public const string StateName = "GenerateRecommendations";

    /// <summary>The step's result, declared once.</summary>
    public static readonly AnalysisResult<RecommendationSet> Result =
        new(StateName, AnalysisJsonContext.Default.RecommendationSet, AnalysisSection.Recommendations);

    [LambdaFunction(ResourceName = StateName, MemorySize = 512, Timeout = 300,
                    Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix], Lists = [AnalysisKeys.RunsPrefix], UsesModel = true)]
    public Task<AnalysisPart> HandleAsync(PartsInput input, CancellationToken cancellationToken) =>
        data.ReviewedAsync(Result, input.Run, reviewer,
            token => RecommendAsync(input, token),
            set => FactSheets.Recommendations(set.Date, set.Recommendations, input.Run.Currency ?? ""),
            (set, review) => set with { Review = review },
            set => string.Create(CultureInfo.InvariantCulture, $"{set.Recommendations.Count} recommendations")
                   + (set.MissingInputs.Count > 0 ? $" (without {string.Join(" and ", set.MissingInputs)})" : ""),
            cancellationToken);

    private async Task<RecommendationSet> RecommendAsync(PartsInput input, CancellationToken cancellationToken)
    {
        var parts = data.Parts(StateName, input.Parts);
        var company = parts.ReadRequiredAsync(CalcCompanyMetricsStep.Result, cancellationToken);
        var products = parts.ReadRequiredAsync(CalcProductMetricsStep.Result, cancellationToken);
        var anomalies = parts.ReadAsync(DetectAnomaliesStep.Result, cancellationToken);
        var trends = parts.ReadAsync(AnalyzeTrendsStep.Result, cancellationToken);
        var recommendations = engine.Recommend(await company, await products, await anomalies, await trends);
        return new RecommendationSet(input.Run.Date, recommendations, parts.Missing, Review: null);
    }
}
