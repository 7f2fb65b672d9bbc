using System.Globalization;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>daily-analysis, state CalcProductMetrics: top sellers, movers, category mix and SKUs missing at stores.</summary>
public sealed class CalcProductMetricsStep(RunData data, ProductMetricsCalculator calculator)
{
    public const string StateName = "CalcProductMetrics";

    /// <summary>The step's result, declared once.</summary>
    public static readonly AnalysisResult<ProductMetrics> Result = new(StateName, AnalysisJsonContext.Default.ProductMetrics, AnalysisSection.Products);

    [LambdaFunction(ResourceName = StateName, MemorySize = 2048, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix])]
    public Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken) =>
        data.ComputedAsync(Result, input.Run, HistoryParts.Skus, calculator.Calculate,
            metrics => string.Create(CultureInfo.InvariantCulture, $"{metrics.TopByRevenue.Count} top sellers, {metrics.Gainers.Count + metrics.Decliners.Count} movers, {metrics.MissingSkuCount} missing SKUs"),
            cancellationToken);
}
