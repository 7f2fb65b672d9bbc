namespace Analytics.Domain.Uploads;

/// <summary>
/// Amounts as whole ten-thousandths ("ticks"). Upload amounts have at most 4 decimal places, so every price,
/// line total and discount is an exact integer number of ticks, and sums are integer additions; they are turned
/// into <see cref="decimal"/> once, when a summary is built. Sums are <see cref="Int128"/>, which no upload can overflow.
/// </summary>
internal static class MoneyTicks
{
    public const long PerUnit = 10_000;

    /// <summary>More than any valid line total (1,000,000 units × 1,000,000): amounts beyond it are clamped to it.</summary>
    public const long Beyond = (1_000_000L * 1_000_000L * PerUnit) + 1;

    private static readonly long[] Powers = [1, 10, 100, 1_000, 10_000];

    /// <summary>
    /// The ticks of a non-negative <c>mantissa × 10^-scale</c>, clamped to <see cref="Beyond"/>; false when it has
    /// more than 4 decimal places (after dropping trailing zeros).
    /// </summary>
    public static bool TryFromParts(ulong mantissa, int scale, out long ticks)
    {
        while (scale > 4 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        ticks = 0;
        if (scale > 4)
        {
            return false;
        }

        var factor = Powers[4 - scale];
        ticks = mantissa > (ulong)(Beyond / factor) ? Beyond : (long)mantissa * factor;
        return true;
    }

    /// <summary>The ticks of a non-negative <paramref name="amount"/>, clamped; false when it has more than 4 decimal places.</summary>
    public static bool TryFromDecimal(decimal amount, out long ticks)
    {
        ticks = 0;
        if (decimal.Round(amount, 4) != amount)
        {
            return false;
        }

        ticks = amount >= Beyond / PerUnit ? Beyond : (long)(amount * PerUnit);
        return true;
    }

    /// <summary>The exact decimal of <paramref name="ticks"/>, without trailing zeros in the fraction.</summary>
    public static decimal ToDecimal(Int128 ticks)
    {
        if (ticks >= 0 && ticks <= long.MaxValue)
        {
            return ToDecimal((ulong)ticks);
        }

        var negative = ticks < 0;
        var magnitude = (UInt128)(negative ? -ticks : ticks);
        byte scale = 4;
        while (scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }

        var low = (ulong)magnitude;
        var high = (ulong)(magnitude >> 64);
        if (high > uint.MaxValue)
        {
            throw new OverflowException("The amount is beyond the range of decimal.");
        }

        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)high, negative, scale);
    }

    /// <summary>The common case of <see cref="ToDecimal(Int128)"/>: a non-negative amount in 64 bits, with cheap divisions.</summary>
    private static decimal ToDecimal(ulong ticks)
    {
        byte scale = 4;
        while (scale > 0 && ticks % 10 == 0)
        {
            ticks /= 10;
            scale--;
        }

        return new decimal((int)(uint)ticks, (int)(uint)(ticks >> 32), 0, false, scale);
    }
}
