namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// The decimal format $formatNumber works with (F&amp;O 4.7.1): the characters a picture is written in and the strings
/// the result uses. The options object of $formatNumber overrides any property by its name; others are ignored.
/// </summary>
internal sealed record DecimalFormat
{
    public string DecimalSeparator { get; init; } = ".";

    public string GroupingSeparator { get; init; } = ",";

    public string ExponentSeparator { get; init; } = "e";

    public string Infinity { get; init; } = "Infinity";

    public string MinusSign { get; init; } = "-";

    public string NaN { get; init; } = "NaN";

    public string Percent { get; init; } = "%";

    public string PerMille { get; init; } = "\u2030";

    /// <summary>The first of the ten consecutive characters that are the decimal digit family.</summary>
    public string ZeroDigit { get; init; } = "0";

    public string Digit { get; init; } = "#";

    public string PatternSeparator { get; init; } = ";";

    public static DecimalFormat From(JsonObject? options)
    {
        var format = new DecimalFormat();
        if (options is null)
            return format;
        foreach (var (name, node) in options)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
                continue;
            format = name switch
            {
                "decimal-separator" => format with { DecimalSeparator = text },
                "grouping-separator" => format with { GroupingSeparator = text },
                "exponent-separator" => format with { ExponentSeparator = text },
                "infinity" => format with { Infinity = text },
                "minus-sign" => format with { MinusSign = text },
                "NaN" => format with { NaN = text },
                "percent" => format with { Percent = text },
                "per-mille" => format with { PerMille = text },
                "zero-digit" => format with { ZeroDigit = text },
                "digit" => format with { Digit = text },
                "pattern-separator" => format with { PatternSeparator = text },
                _ => format,
            };
        }
        return format;
    }

    /// <summary>The digit of value <paramref name="value"/> (0–9) in this format's family.</summary>
    public char DigitChar(int value) => (char)(ZeroChar + value);

    public char ZeroChar => ZeroDigit.Length > 0 ? ZeroDigit[0] : '0';

    /// <summary>Whether <paramref name="ch"/> is one of the ten digits of the family.</summary>
    public bool IsFamilyDigit(char ch) => ch >= ZeroChar && ch <= ZeroChar + 9;

    /// <summary>Whether <paramref name="ch"/> is an active character of a picture (F&amp;O 4.7.3), the exponent
    /// separator excepted: digits, the digit sign and the decimal, grouping and pattern separators.</summary>
    public bool IsActive(char ch) =>
        IsFamilyDigit(ch) || Is(ch, Digit) || Is(ch, DecimalSeparator) || Is(ch, GroupingSeparator) || Is(ch, PatternSeparator);

    public bool IsActiveOrExponent(char ch) => IsActive(ch) || Is(ch, ExponentSeparator);

    public static bool Is(char ch, string property) => property.Length == 1 && property[0] == ch;
}
