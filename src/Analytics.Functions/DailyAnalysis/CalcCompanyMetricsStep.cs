using System.Globalization;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>daily-analysis, state CalcCompanyMetrics: the chain's figures of the day and their comparisons.</summary>
public sealed class CalcCompanyMetricsStep(RunData data, CompanyMetricsCalculator calculator)
{
    public const string ResultName = "company.json";

    [LambdaFunction(ResourceName = "CalcCompanyMetrics", MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix])]
    public async Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken)
    {
        var (day, history) = await data.LoadAsync("CalcCompanyMetrics", input.Run, HistoryParts.LastWeekStores, cancellationToken);
        var metrics = calculator.Calculate(input.Run.Date, day, history);
        var key = await data.SaveAsync(input.Run, ResultName, metrics, AnalysisJsonContext.Default.CompanyMetrics, cancellationToken);
        return AnalysisPart.Succeeded("CalcCompanyMetrics", key, AnalysisPart.Statistics, string.Create(CultureInfo.InvariantCulture,
            $"{metrics.StoresTrading} stores, net revenue {metrics.NetRevenue} {metrics.Currency}, {metrics.Totals.Transactions} transactions"));
    }
}
