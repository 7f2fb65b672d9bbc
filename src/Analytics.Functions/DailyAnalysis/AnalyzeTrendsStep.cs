using System.Globalization;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>daily-analysis, state AnalyzeTrends (Parallel branch): slopes and growth, weekday pattern removed; when a
/// model is configured, its validated ranking and explanation of the trends (<see cref="ModelReviewer"/>).</summary>
public sealed class AnalyzeTrendsStep(RunData data, TrendAnalyzer analyzer, ModelReviewer reviewer)
{
    public const string ResultName = "trends.json";

    [LambdaFunction(ResourceName = "AnalyzeTrends", MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix], UsesModel = true)]
    public async Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken)
    {
        var (day, history) = await data.LoadAsync("AnalyzeTrends", input.Run, HistoryParts.StoreTrend, cancellationToken);
        var report = analyzer.Analyze(input.Run.Date, day, history);
        await data.SaveBeforeReviewAsync(reviewer, input.Run, ResultName, report, AnalysisJsonContext.Default.TrendReport, cancellationToken);
        var model = await reviewer.ReviewAsync(FactSheets.Trends(report, input.Run.Currency ?? ""), cancellationToken);
        report = report with { Review = model.Review };
        var key = await data.SaveAsync(input.Run, ResultName, report, AnalysisJsonContext.Default.TrendReport, cancellationToken);
        return AnalysisPart.Succeeded("AnalyzeTrends", key, model, string.Create(CultureInfo.InvariantCulture,
            $"28-day slope {report.Chain.Slope28Percent?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}% a day; {report.StoresRanked} stores, {report.CategoriesRanked} categories ranked"));
    }
}
