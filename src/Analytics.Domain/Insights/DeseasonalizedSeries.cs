namespace Analytics.Domain.Insights;

/// <summary>
/// A daily series with its weekday pattern divided out, and robust (Theil–Sen) slopes over trailing windows. Doubles:
/// slopes and factors are statistics (sums of squares of money), reported rounded, never summed back into money.
/// <para>Weekday factors are the mean, per weekday the business trades on (a weekday with no day in the series is
/// closed and keeps 1), of the ratio of each day to the series' linear trend, scaled so that they average 1 over those
/// weekdays; the trend is refitted on the deseasonalized series until the factors settle. On a flat
/// series this is exactly "mean of that weekday / overall mean"; unlike that plain ratio it is not biased by a trend,
/// so a linear trend times a weekday pattern is recovered exactly.</para>
/// </summary>
internal sealed class DeseasonalizedSeries
{
    /// <summary>Fewest days, and fewest per weekday, for a weekday pattern to be estimated (else factors are 1).</summary>
    public const int MinimumPatternDays = 14;

    private const int MinimumPerWeekday = 2;
    private const int MaxIterations = 100;
    private readonly Dictionary<int, double> _values;

    /// <param name="points">Day number (<see cref="DateOnly.DayNumber"/>) and value of each day with data.</param>
    public DeseasonalizedSeries(IReadOnlyList<(int Day, double Value)> points)
    {
        Factors = EstimateFactors(points);
        PatternRemoved = Factors.Any(f => f != 1d);
        _values = points.ToDictionary(p => p.Day, p => p.Value / Factors[Weekday(p.Day)]);
    }

    /// <summary>Monday first.</summary>
    public IReadOnlyList<double> Factors { get; }

    public bool PatternRemoved { get; }

    /// <summary>Slope per day over the <paramref name="days"/> days ending at <paramref name="lastDay"/>, and as a
    /// percentage of the window's deseasonalized mean; null with fewer than <paramref name="minimumPoints"/> points or
    /// a mean of 0. The slope is Theil–Sen's (the median of the slopes between every two days), so one day's huge
    /// order cannot tilt it as it tilts a least-squares line; on an exact line the two agree.</summary>
    public (double PerDay, double Percent)? Slope(int lastDay, int days, int minimumPoints)
    {
        List<(double X, double Y)> window = [];
        for (var day = lastDay - days + 1; day <= lastDay; day++)
        {
            if (_values.TryGetValue(day, out var y))
            {
                window.Add((day - lastDay, y));
            }
        }

        if (window.Count < Math.Max(minimumPoints, 2))
        {
            return null;
        }

        var slope = TheilSen(window);
        var mean = window.Average(p => p.Y);
        return mean == 0d ? null : (slope, slope / mean * 100d);
    }

    /// <summary>The median of the slopes between every two points (their x differ: one point a day).</summary>
    private static double TheilSen(List<(double X, double Y)> points)
    {
        var slopes = new double[points.Count * (points.Count - 1) / 2];
        var k = 0;
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                slopes[k++] = (points[j].Y - points[i].Y) / (points[j].X - points[i].X);
            }
        }

        Array.Sort(slopes);
        var middle = slopes.Length / 2;
        return slopes.Length % 2 == 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2d;
    }

    internal static int Weekday(int dayNumber) => ((int)DateOnly.FromDayNumber(dayNumber).DayOfWeek + 6) % 7;

    private static double[] EstimateFactors(IReadOnlyList<(int Day, double Value)> points)
    {
        var factors = Enumerable.Repeat(1d, 7).ToArray();
        var perWeekday = new int[7];
        foreach (var (day, _) in points)
        {
            perWeekday[Weekday(day)]++;
        }

        // A weekday without any day in the series is one the business does not trade on (the real retailer's
        // Saturdays): the pattern is estimated over the weekdays it trades, and that weekday keeps 1, never used.
        var trading = Enumerable.Range(0, 7).Where(w => perWeekday[w] > 0).ToArray();
        if (points.Count < MinimumPatternDays || trading.Length < 2 || trading.Any(w => perWeekday[w] < MinimumPerWeekday))
        {
            return factors;
        }

        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            if (Fit([.. points.Select(p => ((double)p.Day, p.Value / factors[Weekday(p.Day)]))]) is not { } line)
            {
                return Enumerable.Repeat(1d, 7).ToArray();
            }

            var sums = new double[7];
            var counts = new int[7];
            foreach (var (day, value) in points)
            {
                var trend = line.Intercept + line.Slope * day;
                if (trend > 0d)
                {
                    sums[Weekday(day)] += value / trend;
                    counts[Weekday(day)]++;
                }
            }

            if (trading.Any(w => counts[w] == 0))
            {
                return Enumerable.Repeat(1d, 7).ToArray();
            }

            var next = Enumerable.Repeat(1d, 7).ToArray();
            foreach (var w in trading)
            {
                next[w] = sums[w] / counts[w];
            }

            var mean = trading.Average(w => next[w]);
            foreach (var w in trading)
            {
                next[w] /= mean;
            }

            var settled = next.Zip(factors).All(p => Math.Abs(p.First - p.Second) < 1e-12);
            factors = next;
            if (settled)
            {
                break;
            }
        }

        return factors;
    }

    /// <summary>Ordinary least squares; null when all x are equal.</summary>
    private static (double Intercept, double Slope)? Fit(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        double sxx = 0d, sxy = 0d;
        foreach (var (x, y) in points)
        {
            sxx += (x - meanX) * (x - meanX);
            sxy += (x - meanX) * (y - meanY);
        }

        if (sxx == 0d)
        {
            return null;
        }

        var slope = sxy / sxx;
        return (meanY - slope * meanX, slope);
    }
}
