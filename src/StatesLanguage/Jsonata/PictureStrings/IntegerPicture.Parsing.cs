using System.Text;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>Reading integers back ($parseInteger, and the numeric components of $toMillis).</summary>
internal sealed partial record IntegerPicture
{
    /// <summary>The integer <paramref name="text"/> presents under this picture; null when it is not one.</summary>
    public double? Parse(string text) => Style switch
    {
        IntegerStyle.Letters => AlphabeticNumerals.Parse(text),
        IntegerStyle.Roman => RomanNumerals.Parse(text),
        IntegerStyle.Words => EnglishWords.Parse(text),
        _ => ParseDecimal(text),
    };

    /// <summary>Like the reference (JavaScript's parseInt after removing separators and the ordinal suffix): the
    /// integer the text starts with, so <c>12abc</c> is 12; null when it starts with no digit.</summary>
    private double? ParseDecimal(string text)
    {
        if (Ordinal && text.Length >= 2 && OrdinalEndings.Any(e => text.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            text = text[..^2];
        var plain = new StringBuilder();
        foreach (var ch in text)
        {
            if (ch >= Zero && ch <= Zero + 9)
                plain.Append((char)('0' + (ch - Zero)));
            else if (!IsRemovedSeparator(ch))
                plain.Append(ch);
        }
        var span = plain.ToString().AsSpan().TrimStart();
        var negative = span.StartsWith("-");
        if (negative || span.StartsWith("+"))
            span = span[1..];
        var length = 0;
        while (length < span.Length && char.IsAsciiDigit(span[length]))
            length++;
        if (length == 0)
            return null;
        var value = double.Parse(span[..length], CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>Irregular separators are removed; of a regular grouping the reference removes only commas, so
    /// "1 000" under "0 000" reads as 1.</summary>
    private bool IsRemovedSeparator(char ch) =>
        RegularGrouping > 0 ? ch == ',' : Grouping.Any(g => g.Separator == ch.ToString());

    private static readonly string[] OrdinalEndings = ["st", "nd", "rd", "th"];

    /// <summary>A regular-expression fragment matching what this picture formats, for date/time parsing.</summary>
    public string Pattern => Style switch
    {
        IntegerStyle.Letters => "[a-z]+",
        IntegerStyle.Roman => "[mdclxvi]+",
        IntegerStyle.Words => EnglishWords.Pattern,
        _ => DecimalPattern,
    };

    private string DecimalPattern
    {
        get
        {
            var digit = Zero == '0' ? "[0-9]" : $"[0-9{Zero}-{(char)(Zero + 9)}]";
            var count = ParseWidth is { } width ? "{" + width.ToString(CultureInfo.InvariantCulture) + "}" : "+";
            return digit + count + (Ordinal ? "(?:th|st|nd|rd)" : string.Empty);
        }
    }
}
