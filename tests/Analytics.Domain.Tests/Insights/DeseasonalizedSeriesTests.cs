using Analytics.Domain.Insights;

namespace Analytics.Domain.Tests.Insights;

/// <summary>The weekday pattern of a business closed one day a week is estimated over the days it trades (issue 14,
/// item 6): before, a weekday without data meant no pattern at all, while texts said it was removed.</summary>
public sealed class DeseasonalizedSeriesTests
{
    private static readonly DateOnly Monday = new(2025, 6, 2);
    private static readonly double[] Pattern = [0.9, 0.95, 1.0, 1.0, 1.1, 0.0, 1.05]; // Monday first; closed on Saturdays

    private static List<(int Day, double Value)> Flat(int weeks, double level = 1_000d) =>
    [
        .. Enumerable.Range(0, 7 * weeks).Select(i => Monday.AddDays(i))
            .Where(d => d.DayOfWeek != DayOfWeek.Saturday)
            .Select(d => (d.DayNumber, level * Pattern[((int)d.DayOfWeek + 6) % 7])),
    ];

    [Fact]
    public void Factors_ClosedOnSaturdays_PatternOfTheTradingDaysRecoveredAndSaturdayLeftAlone()
    {
        var series = new DeseasonalizedSeries(Flat(8));

        Assert.True(series.PatternRemoved);
        var mean = Pattern.Where(p => p > 0d).Average();
        Assert.All(Enumerable.Range(0, 7).Where(w => w != 5), w => Assert.Equal(Pattern[w] / mean, series.Factors[w], 9));
        Assert.Equal(1d, series.Factors[5]);
    }

    [Fact]
    public void Slope_FlatBusinessClosedOnSaturdays_IsFlatOnceThePatternIsRemoved()
    {
        var points = Flat(8);
        var series = new DeseasonalizedSeries(points);

        var (perDay, percent) = series.Slope(points[^1].Day, 28, 20)!.Value;

        Assert.Equal(0d, perDay, 9);
        Assert.Equal(0d, percent, 9);
    }

    [Fact]
    public void Slope_OneHugeOrderNearTheEnd_DoesNotTiltIt()
    {
        // A single wholesale day at 20 times the usual, three days before the end of a flat month: a least-squares
        // line through it climbs by several percent a day.
        var points = Flat(8);
        points[^3] = (points[^3].Day, points[^3].Value * 20d);
        var series = new DeseasonalizedSeries(points);

        var (_, percent) = series.Slope(points[^1].Day, 28, 20)!.Value;

        Assert.InRange(percent, -0.5, 0.5);
    }

    [Fact]
    public void Factors_OneTradingWeekdayWithASingleDay_NoPattern()
    {
        var points = Flat(8).Where(p => DateOnly.FromDayNumber(p.Day).DayOfWeek != DayOfWeek.Sunday || p.Day < Monday.AddDays(7).DayNumber).ToList();

        var series = new DeseasonalizedSeries(points);

        Assert.False(series.PatternRemoved);
    }
}
