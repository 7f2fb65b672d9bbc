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
        new(StateName, "recommendations.json", AnalysisJsonContext.Default.RecommendationSet, AnalysisSection.Recommendations);

    [LambdaFunction(ResourceName = StateName, MemorySize = 512, Timeout = 300,
                    Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix], Lists = [AnalysisKeys.RunsPrefix], UsesModel = true)]
    public Task<AnalysisPart> HandleAsync(RecommendationsInput input, CancellationToken cancellationToken) =>
        data.ReviewedAsync(Result, input.Run, reviewer,
            token => RecommendAsync(input, token),
            set => FactSheets.Recommendations(set.Date, set.Recommendations, input.Run.Currency ?? ""),
            (set, review) => set with { Review = review },
            set => string.Create(CultureInfo.InvariantCulture, $"{set.Recommendations.Count} recommendations")
                   + (set.MissingInputs.Count > 0 ? $" (without {string.Join(" and ", set.MissingInputs)})" : ""),
            cancellationToken);

    private async Task<RecommendationSet> RecommendAsync(RecommendationsInput input, CancellationToken cancellationToken)
    {
        var run = input.Run;
        var company = data.ReadSavedAsync(run, CalcCompanyMetricsStep.Result, cancellationToken);
        var products = data.ReadSavedAsync(run, CalcProductMetricsStep.Result, cancellationToken);
        var anomalies = await data.ReadModelPartAsync(StateName, run, DetectAnomaliesStep.Result, input.Anomalies, cancellationToken);
        var trends = await data.ReadModelPartAsync(StateName, run, AnalyzeTrendsStep.Result, input.Trends, cancellationToken);
        var recommendations = engine.Recommend(await company, await products, anomalies, trends);
        List<string> missing = [];
        if (anomalies is null)
        {
            missing.Add(input.Anomalies.Step);
        }

        if (trends is null)
        {
            missing.Add(input.Trends.Step);
        }

        return new RecommendationSet(run.Date, recommendations, missing, Review: null);
    }
}
