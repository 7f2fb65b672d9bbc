using Analytics.Domain.Metrics;

namespace Analytics.Domain.Insights;

/// <summary>
/// Median and median absolute deviation (MAD) of a short history, computed exactly in decimal so that reported
/// medians and ranges are exact. <see cref="Scale"/> estimates a standard deviation robustly:
/// max(1.4826 × MAD, <see cref="MinimumRelativeScale"/> × |median|, the caller's absolute floor); the floors keep a
/// perfectly flat history from turning every wobble into an infinite z-score. Only the z-score is a double (a
/// statistic, not money): it is compared with thresholds and reported to 2 places.
/// </summary>
public sealed record RobustBaseline(int Points, decimal Median, decimal Mad, decimal Scale)
{
    /// <summary>Makes the MAD of normal data estimate its standard deviation.</summary>
    public const decimal MadToSigma = 1.4826m;

    /// <summary>The scale is at least this fraction of the median (5 %).</summary>
    public const decimal MinimumRelativeScale = 0.05m;

    /// <param name="minimumScale">Absolute floor of the scale in the values' unit (e.g. 1.00 of money, 1 transaction).</param>
    /// <param name="minimumRelativeScale">Relative floor; <see cref="MinimumRelativeScale"/> unless the caller knows a
    /// larger typical spread (the detector passes its peers' median relative spread).</param>
    /// <exception cref="ArgumentException">No values.</exception>
    public static RobustBaseline Of(IReadOnlyCollection<decimal> values, decimal minimumScale, decimal minimumRelativeScale = MinimumRelativeScale)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A baseline needs at least one value.", nameof(values));
        }

        var median = MedianOf([.. values]);
        var mad = MedianOf([.. values.Select(v => Math.Abs(v - median))]);
        var scale = Math.Max(Math.Max(MadToSigma * mad, Math.Max(MinimumRelativeScale, minimumRelativeScale) * Math.Abs(median)), minimumScale);
        return new RobustBaseline(values.Count, median, mad, scale);
    }

    /// <summary>(value − median) / scale.</summary>
    public double ZScore(decimal value) => (double)((value - Median) / Scale);

    /// <summary>median ± k × scale to 2 places, the low end not below 0 (sales and counts are not negative).</summary>
    public (decimal Low, decimal High) Range(decimal k) =>
        (SalesMath.Round2(Math.Max(0m, Median - k * Scale)), SalesMath.Round2(Median + k * Scale));

    /// <summary>The middle value, or the mean of the two middle values; exact.</summary>
    public static decimal MedianOf(decimal[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2m;
    }
}
