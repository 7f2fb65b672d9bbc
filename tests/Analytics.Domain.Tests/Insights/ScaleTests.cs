using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

/// <summary>Behaviour at the scale target (10,000 stores, 8 weeks); never asserts on wall-clock time.</summary>
public sealed class ScaleTests
{
    private static readonly DateOnly Day = new(2025, 6, 18);

    [Fact]
    public void AllCalculators_TenThousandStoresEightWeeks_ComputeAndFindThePlantedStore()
    {
        const int Stores = 10_000;
        IReadOnlyList<StoreDaySummary> On(DateOnly date) =>
        [
            .. Enumerable.Range(0, Stores).Select(s =>
            {
                var units = 10 + s % 7 + (date.DayNumber + s) % 3;
                if (date == Day && s == 4_242)
                {
                    units /= 4; // the planted drop
                }

                return SalesData.StoreDay($"store-{s:D5}", date, units,
                                          new Line("C1", "Coffee", units, 10m), new Line($"T{s % 5}", "Tea", units, 4m));
            }),
        ];
        var history = SalesData.History(Day, On);
        var today = On(Day);

        var company = new CompanyMetricsCalculator().Calculate(Day, today, history);
        var products = new ProductMetricsCalculator().Calculate(Day, today, history);
        var anomalies = new AnomalyDetector().Detect(Day, today, history);
        var trends = new TrendAnalyzer().Analyze(Day, today, history);
        var recommendations = new RecommendationEngine().Recommend(company, products, anomalies, trends);

        Assert.Equal(Stores, company.StoreRanking.Count);
        Assert.Equal(Stores, anomalies.StoresChecked);
        Assert.Equal("store-04242", anomalies.Anomalies[0].SubjectId);
        Assert.Equal(AnomalySeverity.High, anomalies.Anomalies[0].Severity);
        Assert.Contains(recommendations, r => r.SubjectId == "store-04242");
        Assert.Equal(6, products.TopByRevenue.Count);
    }
}
