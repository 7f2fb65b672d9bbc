using System.Text;
using Analytics.Domain;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state CombineInsights: one document with every result, and which parts failed and why, so that
/// CheckForBedrockErrors can send the alert while the run completes.
/// </summary>
public sealed class CombineInsightsStep(RunData data, ISalesStore sales)
{
    public const string StateName = "CombineInsights";

    /// <summary>The combined document, declared once; it is no report section of its own.</summary>
    public static readonly AnalysisResult<DailyInsights> Result = new(StateName, AnalysisJsonContext.Default.DailyInsights);

    /// <summary>What the report says about how findings were made while no model is configured.</summary>
    public const string StatisticsOnlyNote = "No AI model is configured: every finding comes from the built-in statistics.";

    [LambdaFunction(ResourceName = StateName, MemorySize = 512, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix],
                    Lists = [AnalysisKeys.RunsPrefix])]
    public async Task<CombinedInsights> HandleAsync(PartsInput input, CancellationToken cancellationToken)
    {
        var run = input.Run;
        var parts = data.Parts(StateName, input.Parts);
        var company = parts.ReadRequiredAsync(CalcCompanyMetricsStep.Result, cancellationToken);
        var products = parts.ReadRequiredAsync(CalcProductMetricsStep.Result, cancellationToken);
        var anomalies = parts.ReadAsync(DetectAnomaliesStep.Result, cancellationToken);
        var trends = parts.ReadAsync(AnalyzeTrendsStep.Result, cancellationToken);
        var forecast = parts.ReadAsync(ForecastSalesStep.Result, cancellationToken);
        var recommendations = parts.ReadAsync(GenerateRecommendationsStep.Result, cancellationToken);
        var series = RevenueSeriesAsync(run, cancellationToken);

        var (companyMetrics, productMetrics) = (await company, await products);
        var (anomalyReport, trendReport, recommendationSet, forecastReport) = (await anomalies, await trends, await recommendations, await forecast);
        var insights = new DailyInsights(
            run.Date, run.ExecutionName, run.StartedAt, run.Currency ?? "",
            run.StoreCount,
            companyMetrics,
            productMetrics,
            anomalyReport,
            trendReport,
            recommendationSet?.Recommendations ?? [],
            parts.Statuses,
            await series,
            ModelNote(parts.Statuses),
            recommendationSet?.Review,
            forecastReport,
            UploadCheck.FromState(input.Uploads, run.Date, run.StartedAt, json => System.Text.Json.JsonSerializer.Deserialize(json, StepJsonContext.Default.UploadCheck)));

        var key = await data.SaveAsync(run, Result, insights, cancellationToken);
        return new CombinedInsights(
            key, insights.HasErrors, ErrorSummary(insights),
            insights.Anomalies?.Anomalies.Count ?? 0,
            insights.Anomalies?.Anomalies.Count(a => a.Severity == AnomalySeverity.High) ?? 0,
            insights.Recommendations.Count,
            insights.Anomalies?.Incidents?.Count(i => i.Material),
            insights.Anomalies?.Incidents?.Count(i => i.Material && i.Severity == AnomalySeverity.High));
    }

    /// <summary>How the findings were made: which parts the model ranked and explained, and which kept their statistics
    /// because the model failed.</summary>
    internal static string ModelNote(IReadOnlyList<PartStatus> parts)
    {
        var model = parts.Where(p => p.Source == PartStatus.Model).Select(p => p.Step).ToList();
        var failed = parts.Where(p => !p.Failed && p.Error is not null && p.Source != PartStatus.Model).Select(p => p.Step).ToList();
        if (model.Count == 0 && failed.Count == 0)
        {
            return StatisticsOnlyNote;
        }

        var note = model.Count == 0
            ? "No AI model answer was used: every finding comes from the built-in statistics."
            : $"An AI model ranked and explained the statistical findings of {string.Join(", ", model)}; every figure it states was checked against the statistics.";
        return failed.Count == 0 ? note : $"{note} The model failed for {string.Join(", ", failed)}, which kept their statistical findings.";
    }

    private async Task<IReadOnlyList<DailyRevenue>> RevenueSeriesAsync(AnalysisRun run, CancellationToken cancellationToken)
    {
        var date = run.Date;
        var first = date.AddDays(1 - DailyInsights.RevenueSeriesDays);
        var chain = await data.ReadChainAsync(run, cancellationToken);
        var days = (chain?.Between(first, date) ?? await sales.GetChainHistoryAsync(first, date, cancellationToken)).ToDictionary(d => d.BusinessDate);
        return
        [
            .. Enumerable.Range(0, DailyInsights.RevenueSeriesDays).Select(i => first.AddDays(i)).Select(d => days.TryGetValue(d, out var day)
                ? new DailyRevenue(d, day.Totals.NetRevenue, day.Totals.Transactions, day.StoresTrading)
                : new DailyRevenue(d, 0m, 0, 0)),
        ];
    }

    /// <summary>The alert text: which steps failed and why (each cause cut to keep the message short).</summary>
    internal static string ErrorSummary(DailyInsights insights)
    {
        var failed = insights.Parts.Where(p => p.Failed || p.Error is not null).ToList();
        if (failed.Count == 0)
        {
            return "Every analysis step succeeded.";
        }

        var text = new StringBuilder()
            .Append("The daily analysis of ").Append(IsoDate.Format(insights.Date)).Append(" (execution ").Append(insights.ExecutionName)
            .Append(") completed with errors in ").Append(string.Join(", ", failed.Select(f => f.Step)))
            .AppendLine(". The report gives the statistics that did succeed.").AppendLine();
        foreach (var part in failed)
        {
            var cause = part.Cause ?? "";
            text.Append("- ").Append(part.Step).Append(part.Failed ? "" : " (model only; statistical findings kept)").Append(": ").Append(part.Error ?? "failed")
                .Append(cause.Length == 0 ? "" : ": ").AppendLine(cause.Length > 1000 ? cause[..1000] + "…" : cause);
        }

        return text.ToString();
    }
}
