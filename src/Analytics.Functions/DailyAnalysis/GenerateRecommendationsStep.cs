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
    public const string ResultName = "recommendations.json";
    private const string Step = "GenerateRecommendations";

    [LambdaFunction(ResourceName = "GenerateRecommendations", MemorySize = 512, Timeout = 300,
                    Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix], Lists = [AnalysisKeys.RunsPrefix], UsesModel = true)]
    public async Task<AnalysisPart> HandleAsync(RecommendationsInput input, CancellationToken cancellationToken)
    {
        var run = input.Run;
        var company = data.Artifacts.ReadAsync(run.KeyOf(CalcCompanyMetricsStep.ResultName), AnalysisJsonContext.Default.CompanyMetrics, cancellationToken);
        var products = data.Artifacts.ReadAsync(run.KeyOf(CalcProductMetricsStep.ResultName), AnalysisJsonContext.Default.ProductMetrics, cancellationToken);
        var anomalies = await data.ReadModelPartAsync(Step, run, input.Anomalies, DetectAnomaliesStep.ResultName, AnalysisJsonContext.Default.AnomalyReport, cancellationToken);
        var trends = await data.ReadModelPartAsync(Step, run, input.Trends, AnalyzeTrendsStep.ResultName, AnalysisJsonContext.Default.TrendReport, cancellationToken);
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

        await data.SaveBeforeReviewAsync(reviewer, run, ResultName, new RecommendationSet(run.Date, recommendations, missing, Review: null),
                                         AnalysisJsonContext.Default.RecommendationSet, cancellationToken);
        var model = await reviewer.ReviewAsync(FactSheets.Recommendations(run.Date, recommendations, run.Currency ?? ""), cancellationToken);
        var key = await data.SaveAsync(run, ResultName, new RecommendationSet(run.Date, recommendations, missing, model.Review),
                                       AnalysisJsonContext.Default.RecommendationSet, cancellationToken);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{recommendations.Count} recommendations")
                      + (missing.Count > 0 ? $" (without {string.Join(" and ", missing)})" : "");
        return AnalysisPart.Succeeded(Step, key, model, summary);
    }
}
