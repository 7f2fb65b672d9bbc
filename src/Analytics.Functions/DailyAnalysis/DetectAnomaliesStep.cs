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
    public const string ResultName = "anomalies.json";

    [LambdaFunction(ResourceName = "DetectAnomalies", MemorySize = 2048, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix], UsesModel = true)]
    public async Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken)
    {
        var (day, history) = await data.LoadAsync("DetectAnomalies", input.Run, HistoryParts.StoreBaseline | HistoryParts.Skus, cancellationToken);
        var report = detector.Detect(input.Run.Date, day, history);
        await data.SaveBeforeReviewAsync(reviewer, input.Run, ResultName, report, AnalysisJsonContext.Default.AnomalyReport, cancellationToken);
        var model = await reviewer.ReviewAsync(FactSheets.Anomalies(report, input.Run.Currency ?? ""), cancellationToken);
        report = report with { Review = model.Review };
        var key = await data.SaveAsync(input.Run, ResultName, report, AnalysisJsonContext.Default.AnomalyReport, cancellationToken);
        var high = report.Anomalies.Count(a => a.Severity == AnomalySeverity.High);
        return AnalysisPart.Succeeded("DetectAnomalies", key, model, report.HistoryTooShort
            ? report.Note
            : string.Create(CultureInfo.InvariantCulture, $"{report.Anomalies.Count} anomalies, {high} of high severity"));
    }
}
