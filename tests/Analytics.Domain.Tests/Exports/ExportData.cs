using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Exports;

/// <summary>
/// The export's inputs: <see cref="HandData"/>'s day D (3 stores, 5 SKUs, worked out in its comment), its company
/// metrics, and anomalies, recommendations and a forecast (the chain and one store, D + 1 … D + 7, the Saturday closed)
/// written by hand.
/// </summary>
internal static class ExportData
{
    public static readonly DateOnly Day = HandData.Day;

    public static readonly Anomaly StoreAnomaly = new(
        AnomalySubject.Store, "s2", AnomalyMetric.NetRevenue, AnomalySeverity.High, 90.00m, 110.00m, 95.50m, 124.50m, -3.45, -18.18m, 8,
        [
            new AnomalyContributor(ContributorKind.Category, "Tea", 40.00m, 40.00m, 0.00m, 0.00m),
            new AnomalyContributor(ContributorKind.Category, "Coffee", 50.00m, 70.00m, -20.00m, 100.00m),
        ]);

    public static readonly Anomaly CategoryAnomaly = new(
        AnomalySubject.Category, "Coffee", AnomalyMetric.Transactions, AnomalySeverity.Medium, 31m, 37m, 33.5m, 40.5m, -2.6, -16.22m, 8, []);

    public static readonly Recommendation[] Recommendations =
    [
        new(1, RecommendationPriority.High, RecommendationKind.InvestigateStoreDrop, "s2", "s2 revenue fell", "Call the s2 manager.",
            [new(FactSubject.Store, "s2", "NetRevenue", 90.00m), new(FactSubject.Store, "s2", "Median", 110.00m)]),
        new(2, RecommendationPriority.Medium, RecommendationKind.RestockUsualSellers, "s2", "C3 sold nothing at s2", "Check C3 stock.",
            [new(FactSubject.Sku, "C3", "AverageUnits", 8m)]),
    ];

    public static readonly ForecastReport Forecast = new(Day, SalesForecaster.MethodName, Forecast7(SalesForecaster.ChainId, 300.00m),
                                                         [Forecast7("s1", 100.00m)], [], 2, 0);

    private static EntityForecast Forecast7(string id, decimal expected) => new(id, 14, [1m, 1m, 1m, 1m, 1m, 0m, 1m],
    [
        .. Enumerable.Range(1, 7).Select(i => Day.AddDays(i)).Select(d => d.DayOfWeek == DayOfWeek.Saturday
            ? new ForecastDay(d, 0m, 0m, 0m, Closed: true)
            : new ForecastDay(d, expected, expected * 0.8m, expected * 1.2m, Closed: false)),
    ]);

    public static CompanyMetrics Company { get; } = new CompanyMetricsCalculator().Calculate(Day, HandData.Today, HandData.History);

    public static DailyInsights Insights(IReadOnlyList<StoreDaySummary>? day = null, AnomalyReport? anomalies = null, bool anomaliesFailed = false)
    {
        day ??= HandData.Today;
        var company = day == HandData.Today ? Company : new CompanyMetricsCalculator().Calculate(Day, day, HandData.History);
        anomalies ??= anomaliesFailed ? null : Anomalies([StoreAnomaly, CategoryAnomaly]);
        return new DailyInsights(
            Day, "exec-1", new DateTimeOffset(2025, 3, 13, 6, 0, 0, TimeSpan.Zero), "USD", day.Count, company,
            new ProductMetrics(Day, 0, [], [], [], [], [], [], 0, []),
            anomalies, null, Recommendations,
            [new PartStatus(AnalysisSection.Anomalies, "DetectAnomalies", anomaliesFailed, PartStatus.Statistics, anomaliesFailed ? "ThrottlingException" : null)],
            [], "statistics only", Forecast: Forecast);
    }

    public static AnomalyReport Anomalies(IReadOnlyList<Anomaly> anomalies) =>
        new(Day, [], 8, false, "", 3, 0, 2, 0, anomalies);
}
