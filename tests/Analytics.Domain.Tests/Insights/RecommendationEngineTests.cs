using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

public sealed class RecommendationEngineTests
{
    private static readonly DateOnly Day = new(2025, 6, 18);

    private static (IReadOnlyList<Recommendation> Items, CompanyMetrics Company, ProductMetrics Products, AnomalyReport Anomalies) Planted()
    {
        var chain = new ChainSimulator(1, 30)
        {
            PlantDate = Day, HalfRevenueStore = ChainSimulator.StoreId(7), ClosedStore = ChainSimulator.StoreId(12), SurgeCategory = "Snacks",
        };
        var day = AnalyzedDay.Of(chain, Day);
        return (day.Recommendations, day.Company, day.Products, day.Anomalies);
    }

    [Fact]
    public void Recommend_PlantedAnomalies_HighPriorityActionsComeFirst()
    {
        var (items, _, _, _) = Planted();

        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(r => r.Rank));
        var high = items.TakeWhile(r => r.Priority == RecommendationPriority.High).ToList();
        Assert.Contains(high, r => r.Kind == RecommendationKind.ConfirmStoreTrading && r.SubjectId == ChainSimulator.StoreId(12));
        Assert.Contains(high, r => r.Kind == RecommendationKind.InvestigateStoreDrop && r.SubjectId == ChainSimulator.StoreId(7));
        // A category surge is high only when it moves a quarter of the chain's usual day; it still comes before low advice.
        Assert.Contains(items.TakeWhile(r => r.Priority >= RecommendationPriority.Medium),
                        r => r.Kind == RecommendationKind.LeanIntoCategorySurge && r.SubjectId == "Snacks");
        Assert.Equal(items.OrderByDescending(r => r.Priority).Select(r => r.Rank), items.Select(r => r.Rank));
    }

    [Fact]
    public void Recommend_PlantedAnomalies_TextsWriteNumbersAsTheReportDoes()
    {
        var (items, _, _, _) = Planted();

        Assert.Contains(items, r => r.Kind == RecommendationKind.InvestigateStoreDrop);
        Assert.All(items.SelectMany(r => new[] { r.Title, r.Action }), text =>
        {
            Assert.DoesNotMatch(@"\d\.\d{3}", text); // at most two places
            Assert.DoesNotMatch(@"(?<![\w,.-])\d{4,}", text); // thousands separated (ids such as store-00007 aside)
        });
        var drop = items.First(r => r.Kind == RecommendationKind.InvestigateStoreDrop).Action;
        Assert.Matches(@"sold [\d,]+\.\d\d against a usual [\d,]+\.\d\d \(-\d+\.\d\d%\)", drop);
    }

    [Fact]
    public void Recommend_PlantedAnomalies_FactsCiteExistingIdsAndExactNumbers()
    {
        var (items, _, products, anomalies) = Planted();

        HashSet<string> ids = [Anomaly.ChainId, .. Enumerable.Range(0, 30).Select(ChainSimulator.StoreId), "Coffee", "Tea", "Snacks",
                               "C1", "C2", "C3", "C4", "N1", "N2", "N3", "T1", "T2", "T3"];
        Assert.All(items.SelectMany(r => r.Facts), f => Assert.Contains(f.SubjectId, ids));
        var drop = items.Single(r => r.Kind == RecommendationKind.InvestigateStoreDrop && r.SubjectId == ChainSimulator.StoreId(7));
        var anomaly = anomalies.Anomalies.Single(a => a.SubjectId == ChainSimulator.StoreId(7) && a.Metric == AnomalyMetric.NetRevenue);
        Assert.Contains(new RecommendationFact(FactSubject.Store, anomaly.SubjectId, "NetRevenue", anomaly.Value), drop.Facts);
        Assert.Contains(new RecommendationFact(FactSubject.Store, anomaly.SubjectId, "Median", anomaly.Median), drop.Facts);
        Assert.Contains(anomaly.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), drop.Action, StringComparison.Ordinal);
        Assert.All(anomaly.Contributors, c => Assert.Contains(new RecommendationFact(FactSubject.Category, c.Id, "Deviation", c.Deviation), drop.Facts));
        Assert.All(products.MissingSkus.Where(m => m.StoreId != ChainSimulator.StoreId(12)), m => Assert.Fail($"{m.StoreId}/{m.Sku} is not missing"));
    }

    [Fact]
    public void Recommend_HandData_RestockCitesItsNumbersAndSmallDiscountRiseIsNoReview()
    {
        // s2's C3 (8 units, 20.00 a day) sold nothing; the discount rate 0.0289 is 0.0059 above the four-week 0.0230.
        var company = new CompanyMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History);
        var products = new ProductMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History);
        var anomalies = new AnomalyDetector().Detect(HandData.Day, HandData.Today, HandData.History);
        var trends = new TrendAnalyzer().Analyze(HandData.Day, HandData.Today, HandData.History);

        var items = new RecommendationEngine().Recommend(company, products, anomalies, trends);

        var restock = items.Single(r => r.Kind == RecommendationKind.RestockUsualSellers);
        Assert.Equal(
            [new(FactSubject.Store, "s2", "MissingSku", 0m), new(FactSubject.Sku, "C3", "AverageUnits", 8.00m), new(FactSubject.Sku, "C3", "AverageNetRevenue", 20.00m)],
            restock.Facts);
        // +25.65 % relative, but only 0.59 points: below the 2-point rule, so no discount review.
        Assert.DoesNotContain(items, r => r.Kind == RecommendationKind.ReviewDiscounting);
        // s2's medium revenue drop (90 vs 110) is a medium-priority investigation.
        var s2 = items.Single(r => r.Kind == RecommendationKind.InvestigateStoreDrop);
        Assert.Equal((RecommendationPriority.Medium, "s2"), (s2.Priority, s2.SubjectId));
    }

    [Fact]
    public void Recommend_StoreDayCutShort_ItsUsualSellersAreNoStockOut()
    {
        var company = new CompanyMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History);
        var products = new ProductMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History);
        var anomalies = new AnomalyDetector().Detect(HandData.Day, HandData.Today, HandData.History)
            with { IncompleteDays = [new IncompleteDay("s2", 11, 17, 4)] };

        var items = new RecommendationEngine().Recommend(company, products, anomalies, null);

        Assert.Contains(products.MissingSkus, m => m.StoreId == "s2");
        Assert.DoesNotContain(items, r => r.Kind == RecommendationKind.RestockUsualSellers);
    }

    [Fact]
    public void Recommend_DiscountRateJump_ReviewCitesRates()
    {
        // D: s3 gives 30.00 of discount instead of 4: chain discounts 36 of gross 346 → 0.1040 vs four-week 0.0230.
        List<Analytics.Domain.Sales.StoreDaySummary> today = [.. HandData.Today.Where(s => s.StoreId != "s3"),
            SalesData.StoreDay("s3", HandData.Day, 10, new Line("C2", "Coffee", 4, 5m), new Line("C3", "Coffee", 4, 2.5m), new Line("T2", "Tea", 5, 8m, 30m))];
        var company = new CompanyMetricsCalculator().Calculate(HandData.Day, today, HandData.History);
        var products = new ProductMetricsCalculator().Calculate(HandData.Day, today, HandData.History);
        var anomalies = new AnomalyDetector().Detect(HandData.Day, today, HandData.History);
        var trends = new TrendAnalyzer().Analyze(HandData.Day, today, HandData.History);

        var discount = new RecommendationEngine().Recommend(company, products, anomalies, trends).Single(r => r.Kind == RecommendationKind.ReviewDiscounting);

        Assert.Equal(
            [
                new(FactSubject.Chain, Anomaly.ChainId, "DiscountRate", 0.1040m),   // 36 / 346 = 0.10405
                new(FactSubject.Chain, Anomaly.ChainId, "FourWeekDiscountRate", 0.0230m),
                new(FactSubject.Chain, Anomaly.ChainId, "Discounts", 36m),
            ],
            discount.Facts);
    }
}
