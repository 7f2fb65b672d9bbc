using System.Globalization;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>daily-analysis, state CalcProductMetrics: top sellers, movers, category mix and SKUs missing at stores.</summary>
public sealed class CalcProductMetricsStep(RunData data, ProductMetricsCalculator calculator)
{
    public const string ResultName = "products.json";

    [LambdaFunction(ResourceName = "CalcProductMetrics", MemorySize = 2048, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix])]
    public async Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken)
    {
        var (day, history) = await data.LoadAsync("CalcProductMetrics", input.Run, HistoryParts.Skus, cancellationToken);
        var metrics = calculator.Calculate(input.Run.Date, day, history);
        var key = await data.SaveAsync(input.Run, ResultName, metrics, AnalysisJsonContext.Default.ProductMetrics, cancellationToken);
        return AnalysisPart.Succeeded("CalcProductMetrics", key, AnalysisPart.Statistics, string.Create(CultureInfo.InvariantCulture,
            $"{metrics.TopByRevenue.Count} top sellers, {metrics.Gainers.Count + metrics.Decliners.Count} movers, {metrics.MissingSkuCount} missing SKUs"));
    }
}
