namespace Analytics.Domain.Uploads;

/// <summary>A fast path for the plain JSON numbers amounts are written as.</summary>
internal static class Utf8Decimal
{
    /// <summary>
    /// Splits <c>[-]digits[.digits]</c> with at most 18 digits into its digits as an integer and the number of
    /// decimal places. False for anything else (exponents, longer numbers): the caller falls back to the general parser.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> text, out ulong mantissa, out int scale, out bool negative)
    {
        mantissa = 0;
        scale = 0;
        negative = text.Length > 0 && text[0] == (byte)'-';
        var digits = 0;
        var dot = false;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                scale += dot ? 1 : 0;
                if (++digits > 18)
                {
                    return false;
                }
            }
            else if (text[i] == (byte)'.' && !dot)
            {
                dot = true;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
