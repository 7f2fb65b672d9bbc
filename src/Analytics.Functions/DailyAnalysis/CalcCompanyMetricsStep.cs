using System.Globalization;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>daily-analysis, state CalcCompanyMetrics: the chain's figures of the day and their comparisons.</summary>
public sealed class CalcCompanyMetricsStep(RunData data, CompanyMetricsCalculator calculator)
{
    public const string StateName = "CalcCompanyMetrics";

    /// <summary>The step's result, declared once.</summary>
    public static readonly AnalysisResult<CompanyMetrics> Result = new(StateName, AnalysisJsonContext.Default.CompanyMetrics, AnalysisSection.Company);

    [LambdaFunction(ResourceName = StateName, MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix])]
    public Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken) =>
        data.ComputedAsync(Result, input.Run, HistoryParts.LastWeekStores, calculator.Calculate,
            metrics => string.Create(CultureInfo.InvariantCulture, $"{metrics.StoresTrading} stores, net revenue {metrics.NetRevenue} {metrics.Currency}, {metrics.Totals.Transactions} transactions"),
            cancellationToken);
}
