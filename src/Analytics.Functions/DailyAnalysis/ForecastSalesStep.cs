using System.Globalization;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state ForecastSales (Parallel branch): the chain's, every store's and every category's net revenue
/// for the seven days after the run's date, with 80 % intervals, the weekday pattern and known closures respected
/// (<see cref="SalesForecaster"/>). Statistics only; a failure leaves the report without its forecast.
/// </summary>
public sealed class ForecastSalesStep(RunData data, SalesForecaster forecaster)
{
    public const string StateName = "ForecastSales";

    /// <summary>The step's result, declared once.</summary>
    public static readonly AnalysisResult<ForecastReport> Result = new(StateName, AnalysisJsonContext.Default.ForecastReport, AnalysisSection.Forecast);

    [LambdaFunction(ResourceName = StateName, MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.Read, Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.RunsPrefix])]
    public Task<AnalysisPart> HandleAsync(RunInput input, CancellationToken cancellationToken) =>
        data.ComputedAsync(Result, input.Run, HistoryParts.StoreTrend, forecaster.Forecast,
            forecast => string.Create(CultureInfo.InvariantCulture,
                $"next 7 days: chain {forecast.Chain?.Days.Sum(d => d.Expected).ToString(CultureInfo.InvariantCulture) ?? "not forecast (too little history)"}, {forecast.Stores.Count} stores and {forecast.Categories.Count} categories forecast"),
            cancellationToken);
}
