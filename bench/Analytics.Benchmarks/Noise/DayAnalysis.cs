using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Benchmarks.Noise;

/// <summary>What the daily analysis found on one date: the results of its statistical steps, without a model.</summary>
internal sealed record DayAnalysis(
    DateOnly Date,
    IReadOnlyList<StoreDaySummary> Stores,
    CompanyMetrics Company,
    ProductMetrics Products,
    AnomalyReport Anomalies,
    TrendReport Trends,
    IReadOnlyList<Recommendation> Recommendations);

/// <summary>
/// Runs the daily analysis of one date in process as the daily-analysis steps do: each calculator gets the run's
/// store-days (SKU lines included, as GetStoreSummaries keeps them) and the history its step loads through
/// <see cref="SalesHistoryLoader"/>, with the same <see cref="HistoryParts"/> (see each step in
/// <c>src/Analytics.Functions/DailyAnalysis</c>); recommendations come from the four results.
/// </summary>
internal sealed class DailyAnalysisRun(
    ISalesStore sales,
    SalesHistoryLoader history,
    CompanyMetricsCalculator company,
    ProductMetricsCalculator products,
    AnomalyDetector detector,
    TrendAnalyzer trends,
    RecommendationEngine engine)
{
    public async Task<DayAnalysis> AnalyseAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var day = await sales.GetDayAsync(date, SalesDetail.WithSkus, cancellationToken);
        Task<SalesHistory> Load(HistoryParts parts) => history.LoadAsync(date, parts, chain: null, cancellationToken);

        var companyMetrics = company.Calculate(date, day, await Load(HistoryParts.LastWeekStores)); // CalcCompanyMetrics
        var productMetrics = products.Calculate(date, day, await Load(HistoryParts.Skus)); // CalcProductMetrics
        var anomalies = detector.Detect(date, day, await Load(HistoryParts.StoreBaseline | HistoryParts.StoreTrend | HistoryParts.Skus)); // DetectAnomalies
        var trendReport = trends.Analyze(date, day, await Load(HistoryParts.StoreTrend)); // AnalyzeTrends
        var recommendations = engine.Recommend(companyMetrics, productMetrics, anomalies, trendReport); // GenerateRecommendations
        return new DayAnalysis(date, day, companyMetrics, productMetrics, anomalies, trendReport, recommendations);
    }
}
