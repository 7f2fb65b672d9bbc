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

    /// <summary>
    /// The ticks of an amount written as 1–12 digits, optionally followed by a point and 1–4 digits: how amounts are
    /// usually written, read in one pass (no clamping needed). False for any other text, which the caller reads the
    /// general way (<see cref="Utf8Decimal.TryParsePlain"/> and <see cref="TryFromParts"/>), which gives the same ticks.
    /// </summary>
    public static bool TryParseShort(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        long whole = 0;
        var i = 0;
        uint digit;
        while (i < text.Length && (digit = (uint)(text[i] - '0')) <= 9)
        {
            if (++i > 12)
            {
                return false;
            }

            whole = (whole * 10) + digit;
        }

        if (i == 0)
        {
            return false;
        }

        long fraction = 0;
        var places = 0;
        if (i < text.Length)
        {
            if (text[i] != (byte)'.' || text.Length - i - 1 is < 1 or > 4)
            {
                return false;
            }

            for (i++; i < text.Length; i++)
            {
                digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    return false;
                }

                fraction = (fraction * 10) + digit;
                places++;
            }
        }

        ticks = (whole * PerUnit) + (fraction * Powers[4 - places]);
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
