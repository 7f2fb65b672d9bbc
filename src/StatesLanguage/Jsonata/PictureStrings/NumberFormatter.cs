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
        if (double.IsInfinity(value))
            return picked.Prefix + format.Infinity + picked.Suffix;

        var number = DecimalDigits.FromDouble(value).Scale(picked.ScalePower);
        int? exponent = null;
        if (picked.MinimumExponentSize > 0)
        {
            // The mantissa lies between 10^(s-1) and 10^s inclusive, s the scaling factor; a power of ten coming
            // down from above stops at 10^s.
            var target = picked.ScalingFactor;
            if (number.IsPowerOfTen && number.Point > target)
                target++;
            exponent = number.IsZero ? 0 : number.Point - target;
            number = number.Scale(-exponent.Value);
        }

        var fixedText = number.Round(picked.MaximumFractionSize).ToFixed(picked.MaximumFractionSize);
        var point = fixedText.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = (point < 0 ? fixedText : fixedText[..point]).TrimStart('0');
        var fractionDigits = (point < 0 ? string.Empty : fixedText[(point + 1)..]).TrimEnd('0');
        integerDigits = integerDigits.PadLeft(picked.MinimumIntegerSize, '0');
        fractionDigits = fractionDigits.PadRight(picked.MinimumFractionSize, '0');

        var result = new StringBuilder(picked.Prefix);
        result.Append(GroupInteger(ToFamily(integerDigits, format), picked, format.GroupingSeparator));
        if (fractionDigits.Length > 0)
            result.Append(format.DecimalSeparator).Append(GroupFraction(ToFamily(fractionDigits, format), picked, format.GroupingSeparator));
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
            if (position > 0 && position < digits.Length)
                builder.Insert(position, separator);
        return builder.ToString();
    }
}
