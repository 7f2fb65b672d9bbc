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
    public const string StateName = "AnalyzeTrends";

    /// <summary>The step's result, declared once.</summary>
    public static readonly AnalysisResult<TrendReport> Result = new(StateName, AnalysisJsonContext.Default.TrendReport, AnalysisSection.Trends);

    [LambdaFunction(ResourceName = StateName, MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix], UsesModel = true)]
    public Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken) =>
        data.ReviewedAsync(Result, input.Run, reviewer,
            async token =>
            {
                var (day, history) = await data.LoadAsync(StateName, input.Run, HistoryParts.StoreTrend, token);
                return analyzer.Analyze(input.Run.Date, day, history);
            },
            report => FactSheets.Trends(report, input.Run.Currency ?? ""),
            (report, review) => report with { Review = review },
            report => string.Create(CultureInfo.InvariantCulture,
                $"28-day slope {report.Chain.Slope28Percent?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}% a day; {report.StoresRanked} stores, {report.CategoriesRanked} categories ranked"),
            cancellationToken);
}
