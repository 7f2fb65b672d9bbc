using Analytics.Domain.Metrics;

namespace Analytics.Domain.Tests.Metrics;

/// <summary>Expected figures are worked out by hand from <see cref="HandData"/> (see its comment).</summary>
public sealed class ProductMetricsCalculatorTests
{
    private static ProductMetrics Calculate() => new ProductMetricsCalculator().Calculate(HandData.Day, HandData.Today, HandData.History);

    [Fact]
    public void Calculate_HandData_TopSellersByRevenueAndUnits()
    {
        var metrics = Calculate();

        // Revenue on D: C1 114 + 50 = 164, T1 20 + 40 = 60, T2 16 + 36 = 52, C2 30 + 20 = 50, C3 10.
        Assert.Equal(["C1", "T1", "T2", "C2", "C3"], metrics.TopByRevenue.Select(s => s.Sku));
        Assert.Equal(new SkuRank(1, "C1", "C1 name", "Coffee", 17, 164m, 48.81m), metrics.TopByRevenue[0]); // 164 / 336
        // Units on D: C1 17, T1 15, C2 10, T2 7, C3 4.
        Assert.Equal(["C1", "T1", "C2", "T2", "C3"], metrics.TopByUnits.Select(s => s.Sku));
    }

    [Fact]
    public void Calculate_TiedSkus_BreaksTiesBySkuOrdinal()
    {
        var day = HandData.Day;
        List<Analytics.Domain.Sales.StoreDaySummary> stores =
            [SalesData.StoreDay("s1", day, 3, new Line("B", "X", 1, 5m), new Line("A", "X", 1, 5m), new Line("a", "X", 1, 5m))];

        var metrics = new ProductMetricsCalculator().Calculate(day, stores, SalesData.History(day, _ => []));

        Assert.Equal(["A", "B", "a"], metrics.TopByRevenue.Select(s => s.Sku));
    }

    [Fact]
    public void Calculate_HandData_MoversAgainstFourWeekBaseline()
    {
        var metrics = Calculate();

        // Baselines (mean of D−7 … D−28): C1 144, C2 50, C3 30, T1 (60·3 + 68) / 4 = 62, T2 54. C2 did not move.
        Assert.Equal([new SkuMover("C1", "C1 name", "Coffee", 164m, 144.00m, 20m, 13.89m)], metrics.Gainers);
        Assert.Equal(
            [
                new SkuMover("C3", "C3 name", "Coffee", 10m, 30.00m, -20m, -66.67m),
                new SkuMover("T2", "T2 name", "Tea", 52m, 54.00m, -2m, -3.70m),
                new SkuMover("T1", "T1 name", "Tea", 60m, 62.00m, -2m, -3.23m),
            ],
            metrics.Decliners);
    }

    [Fact]
    public void Calculate_TinySku_IsNotAMover()
    {
        // A SKU below 0.1 % of the day's revenue (336 → 0.336) stays out even at +300 %.
        var day = HandData.Day;
        var withTiny = HandData.Today.Append(SalesData.StoreDay("s4", day, 1, new Line("TINY", "Tea", 1, 0.30m))).ToList();
        var history = SalesData.History(day, d => [.. HandData.On(d), SalesData.StoreDay("s4", d, 1, new Line("TINY", "Tea", 1, 0.10m))], day.AddDays(-63));

        var metrics = new ProductMetricsCalculator().Calculate(day, withTiny, history);

        Assert.DoesNotContain(metrics.Gainers, m => m.Sku == "TINY");
    }

    [Fact]
    public void Calculate_HandData_CategoryMixAgainstFourWeeks()
    {
        // Four weeks: Coffee 224 · 4 = 896, Tea 114 · 3 + 122 = 464, of 1360.
        Assert.Equal(
            [
                new CategoryMix("Coffee", 224m, 66.67m, 65.88m, 0.79m),
                new CategoryMix("Tea", 112m, 33.33m, 34.12m, -0.79m),
            ],
            Calculate().CategoryMix);
    }

    [Fact]
    public void Calculate_HandData_UsualSellerThatSoldNothing()
    {
        var metrics = Calculate();

        // s2 sold C3 ×8 (20.00) on each of the 4 SKU weeks and none on D. s1's T2 (2 a day) is below 3 units.
        Assert.Equal([new MissingSku("s2", "C3", "C3 name", "Coffee", 4, 4, 8.00m, 20.00m)], metrics.MissingSkus);
        Assert.Equal(1, metrics.MissingSkuCount);
        Assert.Equal(4, metrics.SkuWeeks);
    }

    [Fact]
    public void Calculate_SlowSellerMissing_IsNotListed()
    {
        var day = HandData.Day;
        List<Analytics.Domain.Sales.StoreDaySummary> today = [.. HandData.Today.Where(s => s.StoreId != "s1"),
            SalesData.StoreDay("s1", day, 22, new Line("C1", "Coffee", 12, 10m, 6m), new Line("C2", "Coffee", 6, 5m), new Line("T1", "Tea", 5, 4m))];

        var metrics = new ProductMetricsCalculator().Calculate(day, today, HandData.History);

        Assert.DoesNotContain(metrics.MissingSkus, m => m.Sku == "T2"); // 2 units a day < 3
    }
}
