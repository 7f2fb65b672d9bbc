using Analytics.Domain.Insights;

namespace Analytics.Domain.Tests.Insights;

public sealed class RobustBaselineTests
{
    [Fact]
    public void Of_OddCountWithOutlier_MedianMadAndScale()
    {
        // median 3; |x − 3| = 2, 1, 0, 1, 97 → MAD 1; scale = max(1.4826 · 1, 5 % · 3, 0) = 1.4826
        var baseline = RobustBaseline.Of([1m, 2m, 3m, 4m, 100m], 0m);

        Assert.Equal(new RobustBaseline(5, 3m, 1m, 1.4826m), baseline);
        Assert.Equal(4.72, Math.Round(baseline.ZScore(10m), 2)); // 7 / 1.4826 = 4.7214
    }

    [Fact]
    public void Of_EvenCount_MedianIsMeanOfMiddlePair()
    {
        // sorted 100, 110, 130, 200: median 120; deviations 20, 10, 10, 80 → MAD (10 + 20) / 2 = 15
        var baseline = RobustBaseline.Of([200m, 100m, 130m, 110m], 1m);

        Assert.Equal(120m, baseline.Median);
        Assert.Equal(15m, baseline.Mad);
        Assert.Equal(22.2390m, baseline.Scale); // 1.4826 · 15
    }

    [Fact]
    public void Of_FlatHistory_ScaleFloorKeepsAWobbleSmall()
    {
        var baseline = RobustBaseline.Of([100m, 100m, 100m, 100m], 1m);

        Assert.Equal(5m, baseline.Scale);             // 5 % of 100, not 0
        Assert.Equal(0.6, baseline.ZScore(103m), 10); // 3 / 5
        Assert.Equal((87.50m, 112.50m), baseline.Range(2.5m));
    }

    [Fact]
    public void Of_AllZero_AbsoluteFloorApplies()
    {
        var baseline = RobustBaseline.Of([0m, 0m, 0m, 0m], 1m);

        Assert.Equal(1m, baseline.Scale);
        Assert.Equal((0m, 2.50m), baseline.Range(2.5m));
    }

    [Fact]
    public void Of_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => RobustBaseline.Of([], 1m));
    }
}
