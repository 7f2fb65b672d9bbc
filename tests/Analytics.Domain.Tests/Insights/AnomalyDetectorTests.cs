using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

public sealed class AnomalyDetectorTests
{
    private static readonly DateOnly Day = new(2025, 6, 18); // a Wednesday, 120 days of history before it

    [Fact]
    public void Detect_HandData_RanksTheWorkedOutAnomalies()
    {
        // Baselines over the 8 same weekdays (see HandData): flat but for D − 14, so MAD = 0 and the 5 % floor rules.
        //   Coffee basket: 224 / 31 = 7.23 vs 224 / 37 = 6.05, scale 0.3025 → z 3.90, +19.5 % (medium: < 20 %)
        //   s2 revenue: 90 vs median 110, scale 5.5 → z −3.64, −18.2 %; range 110 ± 13.75
        //   s2 basket: 6.00 vs 7.33, scale 0.3665 → z −3.63
        //   Coffee transactions: 31 vs 37, scale 1.85 → z −3.24
        //   s1 revenue: 180 vs 160, scale 8 → z 2.50, +12.5 %
        var report = new AnomalyDetector().Detect(HandData.Day, HandData.Today, HandData.History);

        Assert.False(report.HistoryTooShort);
        Assert.Equal(8, report.ChainBaselinePoints);
        Assert.Equal(
            [
                (AnomalySubject.Category, "Coffee", AnomalyMetric.AverageBasket, 3.90),
                (AnomalySubject.Store, "s2", AnomalyMetric.NetRevenue, -3.64),
                (AnomalySubject.Store, "s2", AnomalyMetric.AverageBasket, -3.63),
                (AnomalySubject.Category, "Coffee", AnomalyMetric.Transactions, -3.24),
                (AnomalySubject.Store, "s1", AnomalyMetric.NetRevenue, 2.50),
            ],
            report.Anomalies.Select(a => (a.Subject, a.SubjectId, a.Metric, a.ZScore)));
        Assert.All(report.Anomalies, a => Assert.Equal(AnomalySeverity.Medium, a.Severity));
    }

    [Fact]
    public void Detect_HandData_StoreAnomalyHasRangeAndCategoryContributors()
    {
        var report = new AnomalyDetector().Detect(HandData.Day, HandData.Today, HandData.History);

        var s2 = report.Anomalies.Single(a => a.SubjectId == "s2" && a.Metric == AnomalyMetric.NetRevenue);
        Assert.Equal((90m, 110m, 96.25m, 123.75m, -18.18m), (s2.Value, s2.Median, s2.ExpectedLow, s2.ExpectedHigh, s2.PercentChange));
        // Coffee fell 70 → 50 (C3 missing); Tea 40 vs median 40 did not move.
        Assert.Equal([new AnomalyContributor(ContributorKind.Category, "Coffee", 50m, 70m, -20m, 100m)], s2.Contributors);
    }

    [Fact]
    public void Detect_HandData_CategoryAnomalyHasStoreAndSkuContributors()
    {
        var report = new AnomalyDetector().Detect(HandData.Day, HandData.Today, HandData.History);

        // Coffee basket up: revenue effect per store = (basket − usual basket) × transactions on D
        //   s2: (50 / 5 = 10.00 − 70 / 13 = 5.38) × 5 = 23.10; s1: (144 / 18 = 8.00 − 124 / 16 = 7.75) × 18 = 4.50
        //   shares of 27.60: 83.70 %, 16.30 %. SKUs (net revenue vs median of the 4 SKU weeks): C1 164 vs 144.
        var coffee = report.Anomalies.Single(a => a.SubjectId == "Coffee" && a.Metric == AnomalyMetric.AverageBasket);
        Assert.Equal(
            [
                new AnomalyContributor(ContributorKind.Store, "s2", 10.00m, 5.38m, 23.10m, 83.70m),
                new AnomalyContributor(ContributorKind.Store, "s1", 8.00m, 7.75m, 4.50m, 16.30m),
                new AnomalyContributor(ContributorKind.Sku, "C1", 164m, 144m, 20m, 100m),
            ],
            coffee.Contributors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Detect_PlantedAnomalies_FoundHighAndRankedFirst(int seed)
    {
        var chain = new ChainSimulator(seed, 30)
        {
            PlantDate = Day, HalfRevenueStore = ChainSimulator.StoreId(7), ClosedStore = ChainSimulator.StoreId(12), SurgeCategory = "Snacks",
        };
        var history = SalesData.History(Day, chain.On, Day.AddDays(-120));

        var report = new AnomalyDetector().Detect(Day, chain.On(Day), history);

        string[] planted = [ChainSimulator.StoreId(7), ChainSimulator.StoreId(12), "Snacks"];
        var half = report.Anomalies.Single(a => a.SubjectId == planted[0] && a.Metric == AnomalyMetric.NetRevenue);
        var closed = report.Anomalies.Single(a => a.SubjectId == planted[1]);
        var surge = report.Anomalies.Single(a => a.SubjectId == planted[2] && a.Metric == AnomalyMetric.NetRevenue);
        Assert.All([half, closed, surge], a => Assert.Equal(AnomalySeverity.High, a.Severity));
        Assert.Equal(AnomalyMetric.NoSales, closed.Metric);
        // Nothing outranks a planted anomaly but the planted subjects themselves (their other metrics) and the chain.
        var lastPlanted = report.Anomalies.ToList().FindLastIndex(a => a == half || a == closed || a == surge);
        Assert.All(report.Anomalies.Take(lastPlanted + 1), a => Assert.True(planted.Contains(a.SubjectId) || a.Subject == AnomalySubject.Chain, a.SubjectId));
        Assert.All(report.Anomalies.Where(a => a.Severity == AnomalySeverity.High),
                   a => Assert.True(planted.Contains(a.SubjectId) || a.Subject == AnomalySubject.Chain, a.SubjectId));
        // The surge is explained by Snacks SKUs and spread over stores; the half store by its categories.
        Assert.Contains(surge.Contributors, c => c.Kind == ContributorKind.Sku && c.Id.StartsWith('N'));
        Assert.Contains(surge.Contributors, c => c.Kind == ContributorKind.Store);
        Assert.All(surge.Contributors, c => Assert.True(c.Deviation > 0m));
        Assert.Equal("Coffee", half.Contributors[0].Id); // the largest category loses the most
        Assert.All(half.Contributors, c => Assert.True(c.Kind == ContributorKind.Category && c.Deviation < 0m));
        Assert.True(half.Value < half.ExpectedLow);
    }

    [Fact]
    public void Detect_LargeStoreLosesHalfItsSalesOnEachOfSixtyDays_ADropIsReportedOnNearlyAllAndRarelyWithoutTheLoss()
    {
        // The generated twin of the real data set's test: one store twenty times its five peers' size, days that vary
        // by 15 % (three times the default noise), and the large store at half its transactions on each day in turn.
        var chain = new ChainSimulator(7, 6, noise: 0.15) { LargeStore = ChainSimulator.StoreId(0) };
        var detector = new AnomalyDetector();
        var (found, unaltered) = (0, 0);
        for (var date = Day.AddDays(-59); date <= Day; date = date.AddDays(1))
        {
            var history = SalesData.History(date, chain.On, Day.AddDays(-180));
            var today = chain.On(date);
            found += ReportsDrop(detector.Detect(date, [.. today.Select(s => s.StoreId == chain.LargeStore ? StoreDayCuts.Halved(s) : s)], history)) ? 1 : 0;
            unaltered += ReportsDrop(detector.Detect(date, today, history)) ? 1 : 0;
        }

        Assert.True(found >= 54, $"a drop reported on {found} of 60 days");
        Assert.True(unaltered <= 6, $"a drop reported on {unaltered} of 60 days as the store traded");

        bool ReportsDrop(AnomalyReport report) =>
            report.Anomalies.Any(a => a.Subject == AnomalySubject.Store && a.SubjectId == chain.LargeStore && a.Value < a.Median
                                      && a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.Transactions);
    }

    [Fact]
    public void Detect_StoreThatOftenDoesNotTradeOnThatWeekday_AbsentToday_IsNoFinding()
    {
        // Store 3 trades two weeks in three, as the real data set's small stores trade on 50–80 % of days.
        var chain = new ChainSimulator(5, 6);
        var intermittent = ChainSimulator.StoreId(3);
        IReadOnlyList<StoreDaySummary> On(DateOnly d) => [.. chain.On(d).Where(s => s.StoreId != intermittent || d.DayNumber / 7 % 3 != 0)];
        var history = SalesData.History(Day, On, Day.AddDays(-120));

        var report = new AnomalyDetector().Detect(Day, [.. chain.On(Day).Where(s => s.StoreId != intermittent)], history);

        Assert.DoesNotContain(report.Anomalies, a => a.SubjectId == intermittent);
    }

    [Fact]
    public void Detect_StoreThatTradesEveryOneOfItsWeekdaysButOftenMissesOtherDays_AbsentToday_IsNoFinding()
    {
        // Store 3 traded on every one of D's eight weekdays, but on only two days in three of the others: a store that
        // trades irregularly (the real data set's store-eire on its Mondays), not one whose absence is news.
        var chain = new ChainSimulator(5, 6);
        var irregular = ChainSimulator.StoreId(3);
        IReadOnlyList<StoreDaySummary> On(DateOnly d) =>
            [.. chain.On(d).Where(s => s.StoreId != irregular || d.DayOfWeek == Day.DayOfWeek || d.DayNumber % 3 != 0)];
        var history = SalesData.History(Day, On, Day.AddDays(-120));

        var report = new AnomalyDetector().Detect(Day, [.. chain.On(Day).Where(s => s.StoreId != irregular)], history);

        Assert.DoesNotContain(report.Anomalies, a => a.SubjectId == irregular);
        Assert.DoesNotContain(irregular, new AnomalyDetector().ExpectedStores(history));
    }

    [Fact]
    public void Detect_StoreThatTradedEveryWeekSinceItOpened_AbsentToday_IsHighNoSales()
    {
        // Store 3 opened five weeks ago and traded on every one of its weekdays since: its absence is unusual.
        var chain = new ChainSimulator(5, 6);
        var opened = ChainSimulator.StoreId(3);
        IReadOnlyList<StoreDaySummary> On(DateOnly d) => [.. chain.On(d).Where(s => s.StoreId != opened || d >= Day.AddDays(-35))];
        var history = SalesData.History(Day, On, Day.AddDays(-120));

        var report = new AnomalyDetector().Detect(Day, [.. chain.On(Day).Where(s => s.StoreId != opened)], history);

        var absent = report.Anomalies.Single(a => a.SubjectId == opened);
        Assert.Equal((AnomalyMetric.NoSales, AnomalySeverity.High, 5), (absent.Metric, absent.Severity, absent.BaselinePoints));
    }

    [Fact]
    public void Detect_ChainRevenueDrop_StoresExplainingItComeFirst()
    {
        // 4 stores: two lose most of their revenue, so the chain drops well beyond its range.
        var chain = new ChainSimulator(5, 4) { PlantDate = Day, ClosedStore = ChainSimulator.StoreId(1) };
        var history = SalesData.History(Day, chain.On, Day.AddDays(-120));
        var today = chain.On(Day).Where(s => s.StoreId != ChainSimulator.StoreId(2)).ToList();

        var report = new AnomalyDetector().Detect(Day, today, history);

        var drop = report.Anomalies.Single(a => a.Subject == AnomalySubject.Chain && a.Metric == AnomalyMetric.NetRevenue);
        Assert.Equal(AnomalySeverity.High, drop.Severity);
        var stores = drop.Contributors.Where(c => c.Kind == ContributorKind.Store).Take(2).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal([ChainSimulator.StoreId(1), ChainSimulator.StoreId(2)], stores);
        Assert.Equal(2, report.Anomalies.Count(a => a.Metric == AnomalyMetric.NoSales));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public void Detect_SteadyChain_RaisesNothingOfHighSeverity(int seed)
    {
        var chain = new ChainSimulator(seed, 30);
        var history = SalesData.History(Day, chain.On, Day.AddDays(-120));

        var report = new AnomalyDetector().Detect(Day, chain.On(Day), history);

        Assert.Equal(30, report.StoresChecked);
        Assert.DoesNotContain(report.Anomalies, a => a.Severity == AnomalySeverity.High);
    }

    [Fact]
    public void Detect_ThreeWeeksOfHistory_SaysHistoryTooShortAndRaisesNothing()
    {
        var chain = new ChainSimulator(1, 5) { PlantDate = Day, ClosedStore = ChainSimulator.StoreId(0) };
        var history = SalesData.History(Day, chain.On, Day.AddDays(-21));

        var report = new AnomalyDetector().Detect(Day, chain.On(Day), history);

        Assert.True(report.HistoryTooShort);
        Assert.Equal(3, report.ChainBaselinePoints);
        Assert.Empty(report.Anomalies);
        Assert.Contains("too short", report.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_StoreOpenedThreeDaysAgo_IsCountedAsShortHistoryNotFlagged()
    {
        var chain = new ChainSimulator(2, 5);
        var history = SalesData.History(Day, d => [.. chain.On(d).Where(s => s.StoreId != ChainSimulator.StoreId(4) || d >= Day.AddDays(-3))]);

        var report = new AnomalyDetector().Detect(Day, chain.On(Day), history);

        Assert.Equal(1, report.StoresWithShortHistory);
        Assert.DoesNotContain(report.Anomalies, a => a.SubjectId == ChainSimulator.StoreId(4));
    }

    [Fact]
    public void Detect_StoreOpenedTwoWeeksAgo_IsJudgedAgainstItsDaysSoFar()
    {
        // Two of its weekdays are too few for a same-weekday baseline; its fourteen days, any weekday, are not.
        var chain = new ChainSimulator(2, 5);
        var opened = ChainSimulator.StoreId(4);
        var history = SalesData.History(Day, d => [.. chain.On(d).Where(s => s.StoreId != opened || d >= Day.AddDays(-14))]);
        var ordinary = new AnomalyDetector().Detect(Day, chain.On(Day), history);
        var surge = new AnomalyDetector().Detect(Day, [.. chain.On(Day).Select(s => s.StoreId == opened ? Scaled(s, 40) : s)], history);

        Assert.Equal(0, ordinary.StoresWithShortHistory);
        Assert.DoesNotContain(ordinary.Anomalies, a => a.SubjectId == opened);
        var found = surge.Anomalies.Single(a => a.SubjectId == opened && a.Metric == AnomalyMetric.NetRevenue);
        Assert.Equal((AnomalySeverity.High, 14), (found.Severity, found.BaselinePoints));
        Assert.True(found.Value > found.Median * 20);
    }

    private static StoreDaySummary Scaled(StoreDaySummary day, int factor) => day with
    {
        Totals = day.Totals with { GrossSales = day.Totals.GrossSales * factor, Discounts = day.Totals.Discounts * factor },
    };

    [Fact]
    public void Detect_StoreDownByFortyPercentOnRevenueAndTransactions_IsADrop()
    {
        // Store 2 loses 40 % of its transactions and of its revenue: one drop, found on either figure or on both.
        var chain = new ChainSimulator(7, 6);
        var store = ChainSimulator.StoreId(2);
        var history = SalesData.History(Day, chain.On, Day.AddDays(-120));
        var today = chain.On(Day).Select(s => s.StoreId != store ? s : s with
        {
            Totals = s.Totals with { Transactions = s.Totals.Transactions * 6 / 10, GrossSales = s.Totals.GrossSales * 0.6m, Discounts = s.Totals.Discounts * 0.6m },
        }).ToList();

        var report = new AnomalyDetector().Detect(Day, today, history);

        Assert.Contains(report.Anomalies, a => a.SubjectId == store && a.Value < a.Median && a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.Transactions);
    }
}
