namespace Analytics.Domain.Uploads;

/// <summary>A fast path for the plain JSON numbers prices are written as.</summary>
internal static class Utf8Decimal
{
    /// <summary>
    /// Parses <c>[-]digits[.digits]</c> with at most 18 digits into an exact decimal that keeps the written scale
    /// (as <see cref="System.Text.Json.Utf8JsonReader.TryGetDecimal"/> does). False for anything else (exponents,
    /// longer numbers): the caller falls back to the general parser.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
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

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }
}
