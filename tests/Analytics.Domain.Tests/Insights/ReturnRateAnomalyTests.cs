using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

/// <summary>
/// Return-rate findings, worked out by hand on <see cref="HandData"/>'s chain with refunds at list price (one unit per
/// return transaction) on every day: s1 takes back T1×1 (4.00 of 160 net sales, rate 0.025), s2 T1×1 (4 / 110),
/// s3 C3×1 (2.50 / 68); Coffee's usual rate is 2.50 / 224 = 0.0112, Tea's 8 / 114 = 0.0702.
/// On D (sales as usual), s1 also takes back C1×6 (60.00): 64 / 160 = 0.4 in 7 return transactions; Coffee 62.50 / 224 = 0.2790 in 7.
/// </summary>
public sealed class ReturnRateAnomalyTests
{
    private static readonly DateOnly Day = HandData.Day;

    private static IReadOnlyList<StoreDaySummary> On(DateOnly date, long s1ExtraC1Returns = 0) =>
    [
        SalesData.StoreDay("s1", date, 20, new Line("C1", "Coffee", 10, 10.00m, 6m, s1ExtraC1Returns), new Line("C2", "Coffee", 6, 5.00m),
                           new Line("T1", "Tea", 5, 4.00m, Returned: 1), new Line("T2", "Tea", 2, 8.00m)),
        SalesData.StoreDay("s2", date, 15, new Line("C1", "Coffee", 5, 10.00m), new Line("C3", "Coffee", 8, 2.50m), new Line("T1", "Tea", 10, 4.00m, Returned: 1)),
        SalesData.StoreDay("s3", date, 10, new Line("C2", "Coffee", 4, 5.00m), new Line("C3", "Coffee", 4, 2.50m, Returned: 1), new Line("T2", "Tea", 5, 8.00m, 2m)),
    ];

    private static SalesHistory History => SalesData.History(Day, d => On(d), Day.AddDays(-63));

    private static List<Anomaly> ReturnRateFindings(IReadOnlyList<StoreDaySummary> day) =>
        [.. new AnomalyDetector().Detect(Day, day, History).Anomalies.Where(a => a.Metric == AnomalyMetric.ReturnRate)];

    [Fact]
    public void Detect_StoreAndCategoryWithARefundWave_AreHighReturnRateFindings()
    {
        var findings = ReturnRateFindings(On(Day, s1ExtraC1Returns: 6));

        // s1: median 0.025, flat history so the scale is the 0.02 floor: z = (0.4 − 0.025) / 0.02 = 18.75;
        // range 0.025 ± 2.5 × 0.02 → 0 to 0.075; change 0.375 / 0.025 = 1500 %.
        Assert.Equal(
            [
                new Anomaly(AnomalySubject.Store, "s1", AnomalyMetric.ReturnRate, AnomalySeverity.High, 0.4m, 0.025m, 0m, 0.075m, 18.75, 1500m, 8, []),
                // Coffee: (0.2790 − 0.0112) / 0.02 = 13.39; range 0 to 0.0612; 0.2678 / 0.0112 = 2391.07 %.
                new Anomaly(AnomalySubject.Category, "Coffee", AnomalyMetric.ReturnRate, AnomalySeverity.High, 0.2790m, 0.0112m, 0m, 0.0612m, 13.39, 2391.07m, 8, []),
            ],
            findings.OrderBy(a => a.Subject));
    }

    [Fact]
    public void Detect_UsualReturns_AreNoFinding() => Assert.Empty(ReturnRateFindings(On(Day)));

    [Fact]
    public void Detect_AFewRefundsAtAHighRate_AreNoFinding()
    {
        // s1 takes back C1×3 more (34 / 160 = 0.2125, far above its 0.025) but in 4 return transactions: too few to judge.
        var findings = ReturnRateFindings(On(Day, s1ExtraC1Returns: 3));

        Assert.Equal(4, On(Day, 3)[0].Totals.ReturnTransactions);
        Assert.DoesNotContain(findings, a => a.Subject == AnomalySubject.Store);
    }
}
