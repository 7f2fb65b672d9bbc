using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;
using Microsoft.Extensions.Options;

namespace Analytics.Domain.Tests.Insights;

/// <summary>A simulated chain's day run through every calculator, as the daily-analysis steps would.</summary>
internal sealed record AnalyzedDay(
    IReadOnlyList<StoreDaySummary> Today,
    CompanyMetrics Company,
    ProductMetrics Products,
    AnomalyReport Anomalies,
    TrendReport Trends,
    IReadOnlyList<Recommendation> Recommendations,
    ForecastReport Forecast)
{
    /// <summary>120 days of <paramref name="chain"/> before <paramref name="day"/>, then every calculator on the day.</summary>
    public static AnalyzedDay Of(ChainSimulator chain, DateOnly day)
    {
        var history = SalesData.History(day, chain.On, day.AddDays(-120));
        var today = chain.On(day);
        var company = new CompanyMetricsCalculator().Calculate(day, today, history);
        var products = new ProductMetricsCalculator().Calculate(day, today, history);
        var anomalies = new AnomalyDetector().Detect(day, today, history);
        var trends = new TrendAnalyzer().Analyze(day, today, history);
        var forecast = new SalesForecaster(Options.Create(new AnalysisOptions())).Forecast(day, today, history);
        return new AnalyzedDay(today, company, products, anomalies, trends, new RecommendationEngine().Recommend(company, products, anomalies, trends), forecast);
    }
}
