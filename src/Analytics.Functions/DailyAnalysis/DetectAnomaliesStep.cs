using System.Globalization;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state DetectAnomalies (Parallel branch): the chain's, stores' and categories' figures of the day
/// outside their same-weekday baselines, with severity, expected range and contributors; when a model is configured,
/// its validated ranking and explanation of the top anomalies (<see cref="ModelReviewer"/>).
/// </summary>
public sealed class DetectAnomaliesStep(RunData data, AnomalyDetector detector, ModelReviewer reviewer)
{
    public const string StateName = "DetectAnomalies";

    /// <summary>The step's result, declared once.</summary>
    public static readonly AnalysisResult<AnomalyReport> Result = new(StateName, AnalysisJsonContext.Default.AnomalyReport, AnalysisSection.Anomalies);

    [LambdaFunction(ResourceName = StateName, MemorySize = 2048, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix], UsesModel = true)]
    public Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken) =>
        data.ReviewedAsync(Result, input.Run, reviewer,
            async token =>
            {
                var (day, history) = await data.LoadAsync(StateName, input.Run, HistoryParts.StoreBaseline | HistoryParts.StoreTrend | HistoryParts.Skus, token);
                return detector.Detect(input.Run.Date, day, history);
            },
            report => FactSheets.Anomalies(report, input.Run.Currency ?? ""),
            (report, review) => report with { Review = review },
            Summary,
            cancellationToken);

    /// <summary>The part's summary: the findings (material incidents), then the anomalies they rest on.</summary>
    private static string Summary(AnomalyReport report) => report.HistoryTooShort
        ? report.Note
        : string.Create(CultureInfo.InvariantCulture,
            $"{report.Incidents?.Count(i => i.Material) ?? 0} findings, {report.Incidents?.Count(i => i.Material && i.Severity == AnomalySeverity.High) ?? 0} high; " +
            $"{report.Anomalies.Count} anomalies, {report.Anomalies.Count(a => a.Severity == AnomalySeverity.High)} of high severity");
}
