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
    public async Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken)
    {
        var (day, history) = await data.LoadAsync(StateName, input.Run, HistoryParts.Skus, cancellationToken);
        var metrics = calculator.Calculate(input.Run.Date, day, history);
        var key = await data.SaveAsync(input.Run, Result, metrics, cancellationToken);
        return Result.Succeeded(key, string.Create(CultureInfo.InvariantCulture,
            $"{metrics.TopByRevenue.Count} top sellers, {metrics.Gainers.Count + metrics.Decliners.Count} movers, {metrics.MissingSkuCount} missing SKUs"));
    }
}
