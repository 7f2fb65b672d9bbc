using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

/// <summary>Anomalies sharing a cause are one incident, weighed in money; one order that explains a day is named first
/// and gets no growth advice (issue 14, items 2 and 3), on generated data.</summary>
public sealed class IncidentBuilderTests
{
    private static readonly DateOnly Day = new(2025, 6, 18);

    /// <summary>Ten steady stores; on <see cref="Day"/> store-03 also rings up one order of 400 × SKU G1 at 50.00 and
    /// 300 × T1 at 4.00 (the chain's Tea up by 70 %).</summary>
    private static IReadOnlyList<StoreDaySummary> Stores(DateOnly date, bool bigOrder) =>
    [
        .. Enumerable.Range(0, 10).Select(s =>
        {
            var units = 40 + ((date.DayNumber + s) % 5);
            var day = SalesData.StoreDay($"store-{s:D2}", date, units, new Line("C1", "Coffee", units, 10m), new Line("T1", "Tea", units, 4m));
            if (!bigOrder || s != 3 || date != Day)
            {
                return day;
            }

            var order = SalesData.StoreDay(day.StoreId, date, 1, new Line("G1", "Gifts", 400, 50m), new Line("T1", "Tea", 300, 4m));
            var merged = SalesData.StoreDay(day.StoreId, date, units + 1,
                                            new Line("C1", "Coffee", units, 10m), new Line("T1", "Tea", units + 300, 4m), new Line("G1", "Gifts", 400, 50m));
            return merged with
            {
                LargestSales =
                [
                    new ReceiptSummary("ORDER-77", new DateTimeOffset(2025, 6, 18, 11, 5, 0, TimeSpan.FromHours(-4)), order.Totals.NetSales, 700, 2,
                                       new ReceiptLine("G1", "Gift box", "Gifts", 400, 50m, 20_000m), 20_000m),
                ],
            };
        }),
    ];

    private static (AnomalyReport Anomalies, IReadOnlyList<Recommendation> Recommendations) Analyze(bool bigOrder)
    {
        var history = SalesData.History(Day, d => Stores(d, bigOrder));
        var today = Stores(Day, bigOrder);
        var company = new CompanyMetricsCalculator().Calculate(Day, today, history);
        var products = new ProductMetricsCalculator().Calculate(Day, today, history);
        var anomalies = new AnomalyDetector().Detect(Day, today, history);
        var trends = new TrendAnalyzer().Analyze(Day, today, history);
        return (anomalies, new RecommendationEngine().Recommend(company, products, anomalies, trends));
    }

    [Fact]
    public void Detect_OneOrderMakesTheDay_ItIsTheFirstIncidentWithEveryFigureItMoved()
    {
        var anomalies = Analyze(bigOrder: true).Anomalies;

        var first = anomalies.Incidents![0];
        Assert.Equal((IncidentCause.Order, "ORDER-77", AnomalySeverity.High), (first.Cause, first.CauseId, first.Severity));
        Assert.Equal(("store-03", "G1", 400L, 50m), (first.Order!.StoreId, first.Order.Receipt.TopLine.Sku, first.Order.Receipt.TopLine.Quantity,
                                                     first.Order.Receipt.TopLine.UnitPrice));
        // The chain's and the store's revenue and basket surges are its facets, not findings of their own.
        Assert.Contains(first.Facets, a => a is { Subject: AnomalySubject.Store, SubjectId: "store-03", Metric: AnomalyMetric.NetRevenue });
        Assert.Contains(first.Facets, a => a is { Subject: AnomalySubject.Chain, Metric: AnomalyMetric.NetRevenue });
        // So is the surge of Tea, which is not the order's largest line but moved with the store the order explains.
        Assert.Contains(first.Facets, a => a is { Subject: AnomalySubject.Category, SubjectId: "Tea", Metric: AnomalyMetric.NetRevenue });
        Assert.DoesNotContain(anomalies.Incidents.Skip(1), i => i.Facets.Any(a => a.SubjectId == "store-03" || a.Subject == AnomalySubject.Chain));
        Assert.Equal(anomalies.Anomalies.Count, anomalies.Incidents.Sum(i => i.Facets.Count)
                                                + anomalies.Anomalies.Count(a => a.Subject == AnomalySubject.Category && a.Metric == AnomalyMetric.AverageBasket
                                                                                 && !anomalies.Incidents.Any(i => i.Facets.Contains(a))));
        Assert.Equal(first.Order.ShareOfChainDay, decimal.Round(21_200m / anomalies.Incidents[0].Facets
            .First(a => a.Subject == AnomalySubject.Chain && a.Metric == AnomalyMetric.NetRevenue).Value, 4, MidpointRounding.ToEven));
    }

    [Fact]
    public void Recommend_OneOrderMakesTheDay_VerifyItFirstAndNoGrowthAdviceForWhatItMoved()
    {
        var recommendations = Analyze(bigOrder: true).Recommendations;

        var first = recommendations[0];
        Assert.Equal(RecommendationKind.VerifyUnusualOrder, first.Kind);
        Assert.Contains("ORDER-77", first.Title, StringComparison.Ordinal);
        Assert.Contains("400 × G1 (Gift box) at 50.00", first.Action, StringComparison.Ordinal);
        Assert.Contains("21,200.00", first.Action, StringComparison.Ordinal);
        Assert.DoesNotContain(recommendations, r => r.Kind is RecommendationKind.LearnFromStoreSurge or RecommendationKind.LeanIntoCategorySurge
                                                    or RecommendationKind.PlanCategoryGrowth or RecommendationKind.ChainRevenueShift);
    }

    [Fact]
    public void Detect_SteadyDay_HasNoMaterialIncident()
    {
        var anomalies = Analyze(bigOrder: false).Anomalies;

        Assert.DoesNotContain(anomalies.Incidents!, i => i.Material);
    }

    [Fact]
    public void ExpectedStores_StoresThatTradeEverySameWeekday_AreExpectedAndAnIntermittentOneIsNot()
    {
        // store-00 … store-09 trade every day; store-10 only on even weeks.
        IReadOnlyList<StoreDaySummary> On(DateOnly date) =>
        [
            .. Stores(date, bigOrder: false),
            .. (date.DayNumber / 7) % 2 == 0 ? [SalesData.StoreDay("store-10", date, 5, new Line("C1", "Coffee", 5, 10m))] : (StoreDaySummary[])[],
        ];

        var expected = new AnomalyDetector().ExpectedStores(SalesData.History(Day, On));

        Assert.Equal([.. Enumerable.Range(0, 10).Select(s => $"store-{s:D2}")], expected);
    }
}
