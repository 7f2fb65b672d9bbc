using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Insights;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>Daily insights for the report tests: computed from a simulated chain, built by hand, or made huge or hostile.</summary>
internal static class ReportSamples
{
    public static readonly DateOnly Day = new(2025, 6, 18);
    public static readonly DateTimeOffset StartedAt = new(2025, 6, 19, 6, 0, 0, TimeSpan.Zero);

    public static PartStatus[] AllSucceeded =>
    [
        new(AnalysisSection.Company, "CalcCompanyMetrics", false, PartStatus.Statistics), new(AnalysisSection.Products, "CalcProductMetrics", false, PartStatus.Statistics),
        new(AnalysisSection.Anomalies, "DetectAnomalies", false, PartStatus.Statistics), new(AnalysisSection.Trends, "AnalyzeTrends", false, PartStatus.Statistics),
        new(AnalysisSection.Recommendations, "GenerateRecommendations", false, PartStatus.Statistics),
    ];

    /// <summary>A simulated chain (with a store at half revenue, a closed store and a snack surge on D) run through
    /// every calculator, as the workflow would.</summary>
    public static DailyInsights Realistic(int stores)
    {
        var chain = new ChainSimulator(7, stores)
        {
            PlantDate = Day, HalfRevenueStore = ChainSimulator.StoreId(3), ClosedStore = ChainSimulator.StoreId(5), SurgeCategory = "Snacks",
        };
        var (today, company, products, anomalies, trends, recommendations, forecast) = AnalyzedDay.Of(chain, Day);
        List<DailyRevenue> series = [];
        for (var d = Day.AddDays(1 - DailyInsights.RevenueSeriesDays); d <= Day; d = d.AddDays(1))
        {
            var day = d == Day ? today : chain.On(d);
            series.Add(new DailyRevenue(d, day.Sum(s => s.Totals.NetRevenue), day.Sum(s => s.Totals.Transactions), day.Count));
        }

        return new DailyInsights(Day, "exec-0001", StartedAt, "USD", today.Count, company, products, anomalies, trends, recommendations,
                                 [.. AllSucceeded, new(AnalysisSection.Forecast, "ForecastSales", false, PartStatus.Statistics)], series,
                                 "No AI model is configured: every finding comes from the built-in statistics.", Forecast: forecast);
    }

    /// <summary>A hand-made day: net revenue 71,400.43 USD, -3.20 % against last week, two high-severity anomalies.</summary>
    public static DailyInsights Hand()
    {
        Comparison[] revenue =
        [
            Comparison.Of(ComparisonBaseline.PreviousDay, 71_400.43m, 70_000.00m, 1),
            new(ComparisonBaseline.SameWeekdayLastWeek, 71_400.43m, 73_760.77m, -2_360.34m, -3.20m, 1),
            Comparison.Of(ComparisonBaseline.FourWeekSameWeekdayMean, 71_400.43m, 72_000.00m, 4),
        ];
        var company = new CompanyMetrics(
            Day, "USD", 3, new SalesTotals(2_345, 5_000, 6_000, 72_000.43m, 600.00m), 71_400.43m, 30.45m, 0.0083m,
            [
                new KeyFigure(KeyMetric.NetRevenue, 71_400.43m, revenue), new KeyFigure(KeyMetric.Transactions, 2_345m, []),
                new KeyFigure(KeyMetric.Units, 5_000m, []), new KeyFigure(KeyMetric.AverageBasket, 30.45m, []),
                new KeyFigure(KeyMetric.DiscountRate, 0.0083m, []),
            ],
            [new CategoryFigure("Coffee", 2_000, 4_000, 50_000.00m, 500.00m, 70.03m, 1.50m), new CategoryFigure("Tea", 900, 1_000, 21_400.43m, 100.00m, 29.97m, -12.00m)],
            [new HourFigure(9, 1_000, 2_000, 31_400.43m, 43.98m), new HourFigure(10, 1_345, 3_000, 40_000.00m, 56.02m)],
            [new PaymentMethodFigure("card", 2_000, 61_400.43m, 86.0m), new PaymentMethodFigure("cash", 345, 10_000.00m, 14.0m)],
            [new StoreRank(1, "store-a", 40_000.00m, 1_200, 33.33m, 56.02m, 2.00m), new StoreRank(2, "store-b", 30_000.43m, 1_100, 27.27m, 42.02m, -1.00m),
             new StoreRank(3, "store-c", 1_400.00m, 45, 31.11m, 1.96m, -70.00m)]);
        var products = new ProductMetrics(Day, 4, [new SkuRank(1, "C1", "Espresso Beans 1kg", "Coffee", 1_000, 18_500.00m, 25.91m)], [], [], [],
                                          [new CategoryMix("Coffee", 50_000.00m, 70.03m, 68.00m, 2.03m)],
                                          [new MissingSku("store-c", "T1", "Green Tea", "Tea", 4, 4, 12.00m, 48.00m)], 1, []);
        Anomaly[] found =
        [
            new(AnomalySubject.Store, "store-c", AnomalyMetric.NetRevenue, AnomalySeverity.High, 1_400.00m, 4_600.00m, 3_800.00m, 5_400.00m, -8.12, -69.57m, 8,
                [new AnomalyContributor(ContributorKind.Category, "Tea", 400.00m, 2_000.00m, -1_600.00m, 50.00m)]),
            new(AnomalySubject.Store, "store-d", AnomalyMetric.NoSales, AnomalySeverity.High, 0m, 3_000.00m, 2_000.00m, 4_000.00m, -10.00, -100.00m, 8, []),
            new(AnomalySubject.Store, "store-a", AnomalyMetric.NetRevenue, AnomalySeverity.Medium, 40_000.00m, 35_000.00m, 31_000.00m, 39_000.00m, 3.10, 14.29m, 8, []),
        ];
        var anomalies = new AnomalyReport(Day, [Day.AddDays(-7)], 8, false, "", 4, 0, 2, 0, found);
        Recommendation[] recommendations =
        [
            new(1, RecommendationPriority.High, RecommendationKind.ConfirmStoreTrading, "store-d", "Confirm store-d traded",
                "store-d made no sales; it usually makes 3000.00.", [new RecommendationFact(FactSubject.Store, "store-d", "Median", 3_000.00m)]),
        ];
        List<DailyRevenue> series = [.. Enumerable.Range(0, DailyInsights.RevenueSeriesDays).Select(i =>
            new DailyRevenue(Day.AddDays(i + 1 - DailyInsights.RevenueSeriesDays), 70_000m + i % 7 * 1_000m, 2_300, 3))];
        series[^1] = new DailyRevenue(Day, 71_400.43m, 2_345, 3);
        return new DailyInsights(Day, "exec-hand", StartedAt, "USD", 3, company, products, anomalies, null, recommendations,
                                 AllSucceeded, series, "No AI model is configured: every finding comes from the built-in statistics.");
    }

    /// <summary>The receipt of <see cref="HandWithFindings"/>'s order: 400 × G1 "Gift box" at 50.00 at store-a, 09:15 in
    /// the chain's time zone (UTC−4), on a receipt of 20,050.00 USD in 2 lines.</summary>
    public static readonly ReceiptSummary Order = new("ORD-77", new DateTimeOffset(2025, 6, 18, 9, 15, 0, TimeSpan.FromHours(-4)), 20_050.00m, 401, 2,
                                                      new ReceiptLine("G1", "Gift box", "Gifts", 400, 50.00m, 20_000.00m), 20_000.00m);

    /// <summary>
    /// <see cref="Hand"/> with its anomalies grouped into incidents, ranked: (1) high, order ORD-77 at store-a, 28.08 % of
    /// the chain's day, which explains store-a's surge; (2) high, store-c's revenue and transactions drop; (3) high,
    /// store-d has not uploaded; (4) a Tea basket wobble under the materiality floor.
    /// </summary>
    public static DailyInsights HandWithFindings()
    {
        var hand = Hand();
        var anomalies = hand.Anomalies!.Anomalies;
        var (storeC, storeD, storeA) = (anomalies[0], anomalies[1], anomalies[2]);
        Anomaly transactions = new(AnomalySubject.Store, "store-c", AnomalyMetric.Transactions, AnomalySeverity.Medium, 45m, 150m, 120m, 180m, -4.20, -70.00m, 8, []);
        Anomaly basket = new(AnomalySubject.Category, "Tea", AnomalyMetric.AverageBasket, AnomalySeverity.Medium, 23.78m, 21.00m, 18.50m, 23.50m, 2.80, 13.24m, 8, []);
        Incident[] incidents =
        [
            new(IncidentCause.Order, Order.Id, AnomalySeverity.High, 5_000.00m, true, [storeA], new UnusualOrder("store-a", Order, 0.5013m, 0.2808m, 35_000.00m)),
            new(IncidentCause.Store, "store-c", AnomalySeverity.High, 3_200.00m, true, [storeC, transactions]),
            new(IncidentCause.Store, "store-d", AnomalySeverity.High, 3_000.00m, true, [storeD]),
            new(IncidentCause.Category, "Tea", AnomalySeverity.Low, 2_502.00m, false, [basket]),
        ];
        return hand with { Anomalies = hand.Anomalies with { Anomalies = [storeC, storeD, storeA, transactions, basket], Incidents = incidents } };
    }

    /// <summary>
    /// <see cref="Hand"/> with 1,400.00 USD refunded (net sales 71,400.43, net revenue 70,000.43, return rate 1.96 %
    /// against 1.00 % last week): by return rate, store-c 12.50 % (new), store-b 3.23 % (1.00 % last week), store-a
    /// 0.50 %; Tea 4.46 %, Coffee 0.79 %; the Matcha Tin T9 was only brought back (300.00).
    /// </summary>
    public static DailyInsights HandWithReturns()
    {
        var hand = Hand();
        var totals = hand.Company.Totals with { ReturnTransactions = 40, UnitsReturned = 52, ReturnLines = 45, Returns = 1_400.00m };
        Comparison[] revenue = [Comparison.Of(ComparisonBaseline.SameWeekdayLastWeek, 70_000.43m, 72_000.00m, 1)];
        var company = hand.Company with
        {
            Totals = totals,
            NetRevenue = totals.NetRevenue,
            KeyFigures =
            [
                new KeyFigure(KeyMetric.NetRevenue, 70_000.43m, revenue), .. hand.Company.KeyFigures.Where(f => f.Metric != KeyMetric.NetRevenue),
                new KeyFigure(KeyMetric.NetSales, 71_400.43m, [Comparison.Of(ComparisonBaseline.SameWeekdayLastWeek, 71_400.43m, 72_700.00m, 1)]),
                new KeyFigure(KeyMetric.Returns, 1_400.00m, [Comparison.Of(ComparisonBaseline.SameWeekdayLastWeek, 1_400.00m, 700.00m, 1)]),
                new KeyFigure(KeyMetric.ReturnRate, 0.0196m, [Comparison.Of(ComparisonBaseline.SameWeekdayLastWeek, 0.0196m, 0.0100m, 1)]),
            ],
            Categories =
            [
                hand.Company.Categories[0] with { ReturnTransactions = 10, UnitsReturned = 12, Returns = 400.00m, ReturnRate = 0.0079m },
                hand.Company.Categories[1] with { ReturnTransactions = 30, UnitsReturned = 40, Returns = 1_000.00m, ReturnRate = 0.0446m, LastWeekReturnRate = 0.0100m },
            ],
            StoreRanking =
            [
                hand.Company.StoreRanking[0] with { ReturnTransactions = 5, UnitsReturned = 5, Returns = 200.00m, ReturnRate = 0.0050m, LastWeekReturnRate = 0.0040m },
                hand.Company.StoreRanking[1] with { ReturnTransactions = 30, UnitsReturned = 40, Returns = 1_000.00m, ReturnRate = 0.0323m, LastWeekReturnRate = 0.0100m },
                hand.Company.StoreRanking[2] with { ReturnTransactions = 5, UnitsReturned = 7, Returns = 200.00m, ReturnRate = 0.1250m },
            ],
        };
        var products = hand.Products with { TopByReturns = [new SkuRank(1, "T9", "Matcha Tin", "Tea", 0, -300.00m, -0.43m, 30, 300.00m)] };
        return hand with { Company = company, Products = products };
    }

    /// <summary>
    /// A chain of <paramref name="stores"/> stores at its worst for the report: every store ranked, 15 % of them
    /// anomalous with five contributors each, 1 % closed, thousands of recommendations, 200 categories, long names,
    /// returns at every store and in every category.
    /// </summary>
    public static DailyInsights Large(int stores)
    {
        var baseline = HandWithReturns();
        string Id(int s) => $"store-{s:D5}-{new string('x', 40)}";
        List<StoreRank> ranking = [.. Enumerable.Range(0, stores).Where(s => s % 100 != 99)
            .Select((s, i) => new StoreRank(i + 1, Id(s), 50_000m - i * 3.17m, 1_000 - i % 500, 31.50m, 0.01m, s % 3 == 0 ? null : -4.25m + s % 11,
                                            3, 4, 100m + s % 50, 0.002m + s % 13 / 1_000m, s % 3 == 0 ? null : 0.002m))];
        List<Anomaly> found = [.. Enumerable.Range(0, stores).Where(s => s % 7 == 0 || s % 100 == 99).Select(s => s % 100 == 99
            ? new Anomaly(AnomalySubject.Store, Id(s), AnomalyMetric.NoSales, AnomalySeverity.High, 0m, 900m, 800m, 1_000m, -9.0, -100m, 8, [])
            : new Anomaly(AnomalySubject.Store, Id(s), s % 2 == 0 ? AnomalyMetric.NetRevenue : AnomalyMetric.Transactions,
                          s % 3 == 0 ? AnomalySeverity.High : AnomalySeverity.Medium, s % 5 == 0 ? 2_000m : 400m, 1_000m, 800m, 1_200m,
                          s % 5 == 0 ? 5.5 : -4.0, s % 5 == 0 ? 100m : -60m, 8,
                          [.. Enumerable.Range(0, 5).Select(c => new AnomalyContributor(ContributorKind.Category, $"Category {c} {new string('y', 60)}", 10m, 50m, -40m, 20m))]))];
        List<Recommendation> recommendations = [.. found.Select((a, i) => new Recommendation(i + 1, RecommendationPriority.High, RecommendationKind.InvestigateStoreDrop,
            a.SubjectId, $"Investigate {a.SubjectId}", $"Revenue at {a.SubjectId} was {a.Value}, usually {a.Median}; look at its categories and staff.",
            [.. Enumerable.Range(0, 20).Select(f => new RecommendationFact(FactSubject.Store, a.SubjectId, $"Figure{f}", f * 1.25m))]))];
        List<CategoryFigure> categories = [.. Enumerable.Range(0, 200).Select(c => new CategoryFigure($"Category {c} {new string('y', 60)}", 100, 200, 1_000m + c, 1m, 0.5m, 2m,
                                                                                                2, 2, 10m, 0.0099m, 0.0050m))];
        List<CategoryMix> mix = [.. categories.Select(c => new CategoryMix(c.Category, c.NetRevenue, c.Share, 0.45m, 0.05m))];
        List<MissingSku> missing = [.. Enumerable.Range(0, ProductMetricsCalculator.MissingSkuLimit)
            .Select(m => new MissingSku(Id(m), $"SKU-{m:D6}", $"Product {m} {new string('z', 200)}", "Coffee", 4, 4, 5m, 50m))];
        List<SkuRank> top = [.. Enumerable.Range(1, 10).Select(r => new SkuRank(r, $"SKU-{r:D6}", $"Product {r} {new string('z', 200)}", "Coffee", 100, 1_000m, 1m))];
        EntityTrend[] trends = [.. Enumerable.Range(0, TrendAnalyzer.RankedCount).Select(t => new EntityTrend(ContributorKind.Store, Id(t), 28, 1_000m, 12.5m, 1.25m))];
        return baseline with
        {
            StoreCount = ranking.Count,
            Company = baseline.Company with
            {
                StoresTrading = ranking.Count, StoreRanking = ranking, Categories = categories,
                PaymentMethods = [.. Enumerable.Range(0, 50).Select(p => new PaymentMethodFigure($"wallet-{p}", 10, 100m, 0.1m))],
                Hours = [.. Enumerable.Range(0, 24).Select(h => new HourFigure(h, 100, 200, 3_000m, 4.17m))],
            },
            Products = baseline.Products with { TopByRevenue = top, TopByUnits = top, TopByReturns = top, Gainers = [.. top.Take(5).Select(Mover)], Decliners = [.. top.Take(5).Select(Mover)],
                                                CategoryMix = mix, MissingSkus = missing, MissingSkuCount = stores * 3 },
            Anomalies = new AnomalyReport(Day, [Day.AddDays(-7)], 8, false, "", stores, 12, 200, 0, found),
            Trends = new TrendReport(Day, new SeriesTrend(10m, 0.5m, 5m, 0.2m, 1.5m, -2.5m, true, [1m, 1m, 1m, 1m, 1m, 1m, 1m]), trends, trends, trends, trends, stores, 200),
            Recommendations = recommendations,
        };
    }

    private static SkuMover Mover(SkuRank r) => new(r.Sku, r.Name, r.Category, r.NetRevenue, 800m, 200m, 25m);
}
