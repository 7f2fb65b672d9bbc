using System.Text;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// An analysed $formatInteger picture: a primary format token (a decimal digit pattern such as <c>#,##0</c> in any
/// Unicode decimal digit family, or <c>A a I i W w Ww</c>) and an optional <c>;o</c> (ordinal) modifier.
/// </summary>
internal sealed partial record IntegerPicture
{
    /// <summary>The zero of every Unicode decimal digit family in the Basic Multilingual Plane.</summary>
    private static readonly int[] DigitFamilies =
    [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ];

    public IntegerStyle Style { get; init; }

    public LetterCase Case { get; init; }

    public bool Ordinal { get; init; }

    /// <summary>The zero digit of a decimal pattern's family.</summary>
    public char Zero { get; init; } = '0';

    /// <summary>The fewest digits a decimal pattern shows (padded with zeros).</summary>
    public int MandatoryDigits { get; init; }

    public int OptionalDigits { get; init; }

    /// <summary>The grouping separators of a decimal pattern, each with how many digit positions are to its right,
    /// rightmost first.</summary>
    public IReadOnlyList<(int Position, string Separator)> Grouping { get; init; } = [];

    /// <summary>The interval of a regular grouping (one separator character at equal intervals), else 0.</summary>
    public int RegularGrouping { get; init; }

    /// <summary>When parsing a decimal pattern that another number follows without a literal between them, how many
    /// digits it takes exactly.</summary>
    public int? ParseWidth { get; init; }

    /// <exception cref="JsonataException">D3130 for an unsupported numbering sequence, D3131 for digits of mixed families.</exception>
    public static IntegerPicture Analyse(string picture)
    {
        var semicolon = picture.LastIndexOf(';');
        var primary = semicolon < 0 ? picture : picture[..semicolon];
        var ordinal = semicolon >= 0 && picture.Length > semicolon + 1 && picture[semicolon + 1] == 'o';
        return primary switch
        {
            "A" => new IntegerPicture { Style = IntegerStyle.Letters, Case = LetterCase.Upper, Ordinal = ordinal },
            "a" => new IntegerPicture { Style = IntegerStyle.Letters, Ordinal = ordinal },
            "I" => new IntegerPicture { Style = IntegerStyle.Roman, Case = LetterCase.Upper, Ordinal = ordinal },
            "i" => new IntegerPicture { Style = IntegerStyle.Roman, Ordinal = ordinal },
            "W" => new IntegerPicture { Style = IntegerStyle.Words, Case = LetterCase.Upper, Ordinal = ordinal },
            "Ww" => new IntegerPicture { Style = IntegerStyle.Words, Case = LetterCase.Title, Ordinal = ordinal },
            "w" => new IntegerPicture { Style = IntegerStyle.Words, Ordinal = ordinal },
            _ => AnalyseDecimal(primary, ordinal),
        };
    }

    /// <summary>A decimal digit pattern, or null when <paramref name="picture"/> has no decimal digit.</summary>
    /// <exception cref="JsonataException">D3131 for digits of mixed families.</exception>
    public static IntegerPicture? TryAnalyseDigits(string picture)
    {
        try
        {
            return AnalyseDecimal(picture, ordinal: false);
        }
        catch (JsonataException error) when (error.Code == "D3130")
        {
            return null;
        }
    }

    private static IntegerPicture AnalyseDecimal(string primary, bool ordinal)
    {
        int? zero = null;
        int mandatory = 0, optional = 0, position = 0;
        var grouping = new List<(int Position, string Separator)>();
        var runes = primary.EnumerateRunes().Reverse();
        foreach (var rune in runes)
        {
            var family = Array.Find(DigitFamilies, start => rune.Value >= start && rune.Value <= start + 9);
            if (family != 0)
            {
                if (zero is not null && zero != family)
                    throw PictureErrors.Create("D3131");
                zero = family;
                mandatory++;
                position++;
            }
            else if (rune.Value == '#')
            {
                optional++;
                position++;
            }
            else
            {
                grouping.Add((position, rune.ToString()));
            }
        }
        if (mandatory == 0)
            throw PictureErrors.Create("D3130", primary);
        return new IntegerPicture
        {
            Style = IntegerStyle.Decimal,
            Ordinal = ordinal,
            Zero = (char)zero!.Value,
            MandatoryDigits = mandatory,
            OptionalDigits = optional,
            Grouping = grouping,
            RegularGrouping = Regularity(grouping),
        };
    }

    private static int Regularity(List<(int Position, string Separator)> grouping)
    {
        if (grouping.Count == 0 || grouping.Any(g => g.Separator != grouping[0].Separator))
            return 0;
        var factor = grouping.Select(g => g.Position).Aggregate(GreatestCommonDivisor);
        if (factor == 0)
            return 0;
        for (var multiple = 1; multiple <= grouping.Count; multiple++)
            if (!grouping.Any(g => g.Position == multiple * factor))
                return 0;
        return factor;
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);

    /// <summary><paramref name="value"/>, an integer, presented as this picture says (a minus sign before negatives).</summary>
    public string Format(double value)
    {
        if (!double.IsFinite(value))
            return double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity"; // as JavaScript writes them
        var magnitude = Math.Abs(value);
        var text = Style switch
        {
            IntegerStyle.Letters => AlphabeticNumerals.Format(magnitude, Case == LetterCase.Upper ? 'A' : 'a'),
            IntegerStyle.Roman => Case == LetterCase.Upper ? RomanNumerals.Format(magnitude).ToUpperInvariant() : RomanNumerals.Format(magnitude),
            IntegerStyle.Words => Case switch
            {
                LetterCase.Upper => EnglishWords.Format(magnitude, Ordinal).ToUpperInvariant(),
                LetterCase.Lower => EnglishWords.Format(magnitude, Ordinal).ToLowerInvariant(),
                _ => EnglishWords.Format(magnitude, Ordinal),
            },
            _ => FormatDecimal(magnitude),
        };
        return value < 0 ? "-" + text : text;
    }

    private string FormatDecimal(double magnitude)
    {
        var ascii = DecimalDigits.FromDouble(magnitude).ToFixed(0).PadLeft(MandatoryDigits, '0');
        var digits = Zero == '0' ? ascii : string.Concat(ascii.Select(ch => (char)(Zero + (ch - '0'))));
        var builder = new StringBuilder(digits);
        if (RegularGrouping > 0)
        {
            for (var at = digits.Length - RegularGrouping; at > 0; at -= RegularGrouping)
                builder.Insert(at, Grouping[0].Separator);
        }
        else
        {
            // Leftmost first, each counted from the end. As in the reference a separator with no digit on one side still
            // appears ("0 " gives "7 ", "#:0," gives ":7,"); one beyond the digits is left out (the reference then
            // loses digits: 101 under "#,##,##0" is ",,01").
            foreach (var (position, separator) in Grouping.Reverse())
                if (position <= builder.Length)
                    builder.Insert(builder.Length - position, separator);
        }
        if (Ordinal)
            builder.Append(OrdinalSuffix(builder.ToString()));
        return builder.ToString();
    }

    /// <summary>The English suffix for the number <paramref name="formatted"/> ends with, read from its last two
    /// characters as the reference does: a separator or a digit of another family there makes it "th".</summary>
    private static string OrdinalSuffix(string formatted)
    {
        var tens = formatted.Length > 1 ? formatted[^2] : '0';
        return tens == '1' ? "th" : formatted[^1] switch
        {
            '1' => "st",
            '2' => "nd",
            '3' => "rd",
            _ => "th",
        };
    }
}
