namespace Analytics.Domain.Insights;

/// <summary>
/// The statistics of <see cref="SalesForecaster"/>, one daily series at a time: trading weekdays, a robust weekday
/// pattern, a robust level and empirical interval ratios (the method is described on <see cref="SalesForecaster"/>).
/// Doubles: these are statistics; the forecaster rounds the results back to money. Keeps its buffers between series,
/// so a forecast of 10,000 stores allocates only its results; one instance per forecast, not thread-safe.
/// </summary>
internal sealed class ForecastModel(int days)
{
    /// <summary>Fraction of the values cut at each end by every trimmed mean (one in five: a wholesaler's day).</summary>
    public const double Trim = 0.2;

    /// <summary>Trading days whose deseasonalized values make the level.</summary>
    public const int LevelDays = 14;

    /// <summary>Fewest trading days up to an in-history origin for its errors to count (half the level's).</summary>
    public const int MinimumLevelDays = 7;

    /// <summary>Days either side of a day in the local level its weekday ratio is taken against (a week in all).</summary>
    public const int PatternRadius = 3;

    /// <summary>Rounds of "deseasonalize, take local levels, re-estimate the pattern".</summary>
    public const int PatternIterations = 3;

    /// <summary>Weight, in days, of a prior pattern (the chain's, for stores) against a weekday's own days.</summary>
    public const double PriorWeight = 2d;

    /// <summary>A trading weekday's factor is at least this, so its days still inform the level.</summary>
    public const double MinimumFactor = 0.05;

    /// <summary>Fewest in-history errors at a horizon for its own quantiles; else those of every horizon together.</summary>
    public const int MinimumErrorsPerHorizon = 5;

    private const double LowQuantile = 0.1, HighQuantile = 0.9;

    private readonly double[] _values = new double[days];
    private readonly int[] _open = new int[days];
    private readonly double[] _deseasonalized = new double[days];
    private readonly double[] _ratios = new double[days];
    private readonly double[] _scratch = new double[days * SalesForecaster.Horizon];
    private readonly double[][] _errors = [.. Enumerable.Range(0, SalesForecaster.Horizon).Select(_ => new double[days])];
    private readonly int[] _errorCounts = new int[SalesForecaster.Horizon];

    /// <summary>
    /// Fits one series. Null when, from its first day with sales, it has fewer than
    /// <see cref="SalesForecaster.MinimumHistoryDays"/> known days on its trading weekdays.
    /// </summary>
    /// <param name="values">Net revenue per day, oldest first, the last being D; 0 for a known day without sales,
    /// NaN for a day that is unknown or a configured closure (left out). Negative days count as 0.</param>
    /// <param name="firstDayNumber">The <see cref="DateOnly.DayNumber"/> of <paramref name="values"/>[0].</param>
    /// <param name="prior">A pattern to shrink towards (Monday first), or null.</param>
    public SeriesFit? Fit(ReadOnlySpan<double> values, int firstDayNumber, IReadOnlyList<double>? prior)
    {
        var n = values.Length;
        var start = 0;
        while (start < n && !(values[start] > 0d)) // NaN is not > 0
        {
            start++;
        }

        if (start == n)
        {
            return null;
        }

        Span<bool> trades = stackalloc bool[7]; // a weekday without sales on any of its known days is closed
        for (var i = start; i < n; i++)
        {
            trades[Weekday(firstDayNumber + i)] |= values[i] > 0d;
        }

        var count = 0;
        for (var i = start; i < n; i++)
        {
            _values[i] = Math.Max(0d, values[i]);
            if (!double.IsNaN(values[i]) && trades[Weekday(firstDayNumber + i)])
            {
                _open[count++] = i;
            }
        }

        if (count < SalesForecaster.MinimumHistoryDays)
        {
            return null;
        }

        var factors = Pattern(firstDayNumber, count, trades, prior);
        for (var k = 0; k < count; k++)
        {
            _deseasonalized[k] = _values[_open[k]] / factors[Weekday(firstDayNumber + _open[k])];
        }

        var level = TrimmedMean(_deseasonalized.AsSpan(Math.Max(0, count - LevelDays), Math.Min(count, LevelDays)), _scratch);
        var (low, high) = Intervals(count);
        return new SeriesFit(count, factors, level, low, high);
    }

    internal static int Weekday(int dayNumber) => DeseasonalizedSeries.Weekday(dayNumber);

    /// <summary>
    /// Weekday factors: each trading weekday's trimmed mean ratio of its days to their local level (the trimmed mean
    /// of the deseasonalized trading days within <see cref="PatternRadius"/> days), refined over
    /// <see cref="PatternIterations"/> rounds, shrunk towards <paramref name="prior"/>, scaled to average 1 over the
    /// trading weekdays; 0 on the others.
    /// </summary>
    private double[] Pattern(int firstDayNumber, int count, ReadOnlySpan<bool> trades, IReadOnlyList<double>? prior)
    {
        var factors = new double[7];
        for (var w = 0; w < 7; w++)
        {
            var priorFactor = prior?[w] ?? 0d;
            factors[w] = !trades[w] ? 0d : priorFactor > 0d ? priorFactor : 1d;
        }

        Normalize(factors);
        for (var round = 0; round < PatternIterations; round++)
        {
            for (var k = 0; k < count; k++)
            {
                _deseasonalized[k] = _values[_open[k]] / factors[Weekday(firstDayNumber + _open[k])];
            }

            for (var k = 0; k < count; k++)
            {
                var (from, to) = (k, k);
                while (from > 0 && _open[k] - _open[from - 1] <= PatternRadius)
                {
                    from--;
                }

                while (to < count - 1 && _open[to + 1] - _open[k] <= PatternRadius)
                {
                    to++;
                }

                var local = TrimmedMean(_deseasonalized.AsSpan(from, to - from + 1), _scratch);
                _ratios[k] = local > 0d ? _values[_open[k]] / local : double.NaN;
            }

            var next = new double[7];
            for (var w = 0; w < 7; w++)
            {
                if (!trades[w])
                {
                    continue;
                }

                var m = 0;
                for (var k = 0; k < count; k++)
                {
                    if (Weekday(firstDayNumber + _open[k]) == w && !double.IsNaN(_ratios[k]))
                    {
                        _errors[0][m++] = _ratios[k]; // a free buffer until the intervals
                    }
                }

                var own = m == 0 ? 1d : TrimmedMean(_errors[0].AsSpan(0, m), _scratch);
                var priorFactor = prior?[w] ?? 0d;
                next[w] = Math.Max(MinimumFactor, priorFactor > 0d ? (m * own + PriorWeight * priorFactor) / (m + PriorWeight) : own);
            }

            Normalize(next);
            factors = next;
        }

        return factors;
    }

    /// <summary>
    /// The 10 % and 90 % quantiles, per horizon, of actual ÷ forecast over the series' own past: from each trading
    /// day with at least <see cref="MinimumLevelDays"/> up to it, the level of that day forecasts each later trading
    /// day up to a week ahead. Widened to be monotone in the horizon.
    /// </summary>
    private (double[] Low, double[] High) Intervals(int count)
    {
        Array.Clear(_errorCounts);
        for (var p = MinimumLevelDays - 1; p < count - 1; p++)
        {
            var from = Math.Max(0, p - LevelDays + 1);
            var level = TrimmedMean(_deseasonalized.AsSpan(from, p - from + 1), _scratch);
            if (level <= 0d)
            {
                continue;
            }

            for (var q = p + 1; q < count && _open[q] - _open[p] <= SalesForecaster.Horizon; q++)
            {
                var h = _open[q] - _open[p] - 1;
                _errors[h][_errorCounts[h]++] = _deseasonalized[q] / level;
            }
        }

        var pooled = 0;
        for (var h = 0; h < SalesForecaster.Horizon; h++)
        {
            _errors[h].AsSpan(0, _errorCounts[h]).CopyTo(_scratch.AsSpan(pooled));
            pooled += _errorCounts[h];
        }

        var all = _scratch.AsSpan(0, pooled);
        all.Sort();
        var (pooledLow, pooledHigh) = pooled == 0 ? (0d, 2d) : (Quantile(all, LowQuantile), Quantile(all, HighQuantile));
        var low = new double[SalesForecaster.Horizon];
        var high = new double[SalesForecaster.Horizon];
        for (var h = 0; h < SalesForecaster.Horizon; h++)
        {
            var errors = _errors[h].AsSpan(0, _errorCounts[h]);
            errors.Sort();
            (low[h], high[h]) = errors.Length >= MinimumErrorsPerHorizon
                ? (Quantile(errors, LowQuantile), Quantile(errors, HighQuantile))
                : (pooledLow, pooledHigh);
            if (h > 0)
            {
                (low[h], high[h]) = (Math.Min(low[h], low[h - 1]), Math.Max(high[h], high[h - 1]));
            }
        }

        return (low, high);
    }

    private static void Normalize(double[] factors)
    {
        var (sum, trading) = (0d, 0);
        foreach (var f in factors)
        {
            if (f > 0d)
            {
                (sum, trading) = (sum + f, trading + 1);
            }
        }

        for (var w = 0; w < 7; w++)
        {
            factors[w] = factors[w] > 0d ? factors[w] * trading / sum : 0d;
        }
    }

    /// <summary>Mean of the values left after cutting <see cref="Trim"/> of them (rounded down, but at least one from
    /// three values on, so that four Sundays with one wholesaler's day give their median pair) at each end; 0 when
    /// empty. Sorts a copy in <paramref name="scratch"/>.</summary>
    internal static double TrimmedMean(ReadOnlySpan<double> values, Span<double> scratch)
    {
        if (values.IsEmpty)
        {
            return 0d;
        }

        var sorted = scratch[..values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        var cut = values.Length < 3 ? 0 : Math.Max(1, (int)(values.Length * Trim));
        var sum = 0d;
        foreach (var value in sorted[cut..^cut])
        {
            sum += value;
        }

        return sum / (values.Length - 2 * cut);
    }

    /// <summary>
    /// The <paramref name="p"/> quantile of sorted values at plotting position p·(n + 1) (interpolating between order
    /// statistics, clamped to the smallest and largest): the values between the p and 1 − p quantiles of n
    /// exchangeable values then hold a new one with probability 1 − 2p whatever n, where the usual p·(n − 1) position
    /// gives 72 % instead of 80 % from twenty values.
    /// </summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var position = Math.Clamp(p * (sorted.Length + 1) - 1d, 0d, sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

/// <summary>One series' fit: the days it rests on, its pattern (0 on a weekday it never trades on), its level (per
/// day, pattern removed) and the interval ratios per horizon (index h − 1) to multiply the point forecast by.</summary>
internal sealed record SeriesFit(int HistoryDays, IReadOnlyList<double> Factors, double Level, IReadOnlyList<double> LowRatio, IReadOnlyList<double> HighRatio);
