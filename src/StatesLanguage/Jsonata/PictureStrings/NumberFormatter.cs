using System.Text;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>fn:format-number as JSONata's $formatNumber does it (F&amp;O 4.7.5).</summary>
internal static class NumberFormatter
{
    public static string Format(double value, string picture, DecimalFormat format)
    {
        var subPictures = format.PatternSeparator.Length == 0
            ? [picture]
            : picture.Split(format.PatternSeparator, StringSplitOptions.None);
        if (subPictures.Length > 2)
            throw PictureErrors.Create("D3080");
        var positive = NumberPicture.Analyse(subPictures[0], format);
        var negative = subPictures.Length == 2
            ? NumberPicture.Analyse(subPictures[1], format)
            : positive with { Prefix = format.MinusSign + positive.Prefix };

        if (double.IsNaN(value))
            return format.NaN;
        var picked = value >= 0 ? positive : negative;
        // Scaling for percent and per mille, and the mantissa's search for its exponent, are done in binary floating
        // point as the reference does them, so that a half-way digit rounds the same way (2.675 has the mantissa
        // 0.26749999999999996 and formats as 0.267e1 under #.###e0); rounding then works on the decimal digits.
        var adjusted = value * Math.Pow(10, picked.ScalePower);
        if (double.IsInfinity(adjusted))
            return picked.Prefix + format.Infinity + picked.Suffix;
        int? exponent = null;
        if (picked.MinimumExponentSize > 0)
        {
            var largest = Math.Pow(10, picked.ScalingFactor);
            var smallest = Math.Pow(10, picked.ScalingFactor - 1);
            exponent = 0;
            if (adjusted != 0)
            {
                for (; Math.Abs(adjusted) < smallest; exponent--)
                    adjusted *= 10;
                for (; Math.Abs(adjusted) > largest; exponent++)
                    adjusted /= 10;
            }
        }
        var number = DecimalDigits.FromDouble(adjusted);

        var fixedText = number.Round(picked.MaximumFractionSize).ToFixed(picked.MaximumFractionSize);
        var point = fixedText.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = (point < 0 ? fixedText : fixedText[..point]).TrimStart('0');
        var fractionDigits = (point < 0 ? string.Empty : fixedText[(point + 1)..]).TrimEnd('0');
        integerDigits = integerDigits.PadLeft(picked.MinimumIntegerSize, '0');
        fractionDigits = fractionDigits.PadRight(picked.MinimumFractionSize, '0');

        var result = new StringBuilder(picked.Prefix);
        result.Append(GroupInteger(ToFamily(integerDigits, format), picked, format.GroupingSeparator));
        if (fractionDigits.Length > 0)
        {
            var fraction = GroupFraction(ToFamily(fractionDigits, format), picked, format.GroupingSeparator);
            // Without a decimal separator in the picture the reference drops the last character, believing it to be
            // the separator: "#e0" formats 3.14 as "0.e1".
            result.Append(format.DecimalSeparator).Append(picked.HasDecimalSeparator ? fraction : fraction[..^1]);
        }
        if (exponent is { } e)
        {
            var digits = ToFamily(Math.Abs(e).ToString(CultureInfo.InvariantCulture), format)
                .PadLeft(picked.MinimumExponentSize, format.ZeroChar);
            result.Append(format.ExponentSeparator).Append(e < 0 ? format.MinusSign : string.Empty).Append(digits);
        }
        return result.Append(picked.Suffix).ToString();
    }

    private static string ToFamily(string asciiDigits, DecimalFormat format) =>
        format.ZeroChar == '0' ? asciiDigits : string.Concat(asciiDigits.Select(ch => format.DigitChar(ch - '0')));

    private static string GroupInteger(string digits, NumberPicture picture, string separator)
    {
        var builder = new StringBuilder(digits);
        if (picture.RegularGrouping > 0)
        {
            for (var at = digits.Length - picture.RegularGrouping; at > 0; at -= picture.RegularGrouping)
                builder.Insert(at, separator);
            return builder.ToString();
        }
        // Insert from the rightmost position (the fewest digits to its right) so the next insertion's index holds.
        foreach (var position in picture.IntegerGroupingPositions.Order())
            if (position > 0 && position < digits.Length)
                builder.Insert(digits.Length - position, separator);
        return builder.ToString();
    }

    private static string GroupFraction(string digits, NumberPicture picture, string separator)
    {
        var builder = new StringBuilder(digits);
        foreach (var position in picture.FractionalGroupingPositions.Order().Reverse())
            builder.Insert(Math.Min(position, digits.Length), separator); // past the digits: at the end, as the reference
        return builder.ToString();
    }
}
