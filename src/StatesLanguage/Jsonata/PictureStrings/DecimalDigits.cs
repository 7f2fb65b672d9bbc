using System.Text;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// A non-negative number as its decimal digits: the value is 0.<see cref="Digits"/> × 10^<see cref="Point"/>. Built from
/// a double's shortest round-trip form, so rounding works on the digits a reader sees
/// (12.345 rounds to 12.34 at two places, half to even, not by the binary value just below it).
/// </summary>
internal readonly record struct DecimalDigits(string Digits, int Point)
{
    public static DecimalDigits Zero { get; } = new(string.Empty, 0);

    public bool IsZero => Digits.Length == 0;

    /// <summary>The digits of |<paramref name="value"/>|, which must be finite.</summary>
    public static DecimalDigits FromDouble(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerLength = dot < 0 ? text.Length : dot;
        var digits = dot < 0 ? text : string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1));
        return Normalise(digits, integerLength + exponent);
    }

    /// <summary>The number rounded half to even to <paramref name="places"/> places after the decimal point.</summary>
    public DecimalDigits Round(int places)
    {
        var keep = Point + places; // how many leading digits survive
        if (keep >= Digits.Length)
            return this;
        if (keep < 0)
            return Zero;
        var kept = Digits[..keep];
        var first = Digits[keep];
        var roundUp = first > '5' || (first == '5' && (Digits.AsSpan(keep + 1).ContainsAnyExcept('0')
                                                         || (kept.Length > 0 && (kept[^1] - '0') % 2 == 1)));
        if (!roundUp)
            return Normalise(kept, Point);
        var chars = kept.ToCharArray();
        var i = chars.Length - 1;
        while (i >= 0 && chars[i] == '9')
            chars[i--] = '0';
        if (i >= 0)
        {
            chars[i]++;
            return Normalise(new string(chars), Point);
        }
        return Normalise("1" + new string(chars), Point + 1);
    }

    /// <summary>The number in fixed notation with exactly <paramref name="places"/> fraction digits (no point when
    /// there are none) and at least one integer digit, like JavaScript's toFixed on a number already rounded.</summary>
    public string ToFixed(int places)
    {
        var builder = new StringBuilder();
        if (Point <= 0)
            builder.Append('0');
        else
            for (var i = 0; i < Point; i++)
                builder.Append(i < Digits.Length ? Digits[i] : '0');
        if (places > 0)
        {
            builder.Append('.');
            for (var i = 0; i < places; i++)
            {
                var index = Point + i;
                builder.Append(index >= 0 && index < Digits.Length ? Digits[index] : '0');
            }
        }
        return builder.ToString();
    }

    private static DecimalDigits Normalise(string digits, int point)
    {
        var start = 0;
        while (start < digits.Length && digits[start] == '0')
            start++;
        var end = digits.Length;
        while (end > start && digits[end - 1] == '0')
            end--;
        return start == end ? Zero : new DecimalDigits(digits[start..end], point - start);
    }
}
