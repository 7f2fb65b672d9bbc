using System.Text;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// An analysed date/time picture: literal text (with <c>[[</c> and <c>]]</c> standing for brackets) and variable
/// markers. Each part is either a <see cref="string"/> literal or a <see cref="DateTimeMarker"/>.
/// </summary>
internal sealed class DateTimePicture
{
    /// <summary>The picture of $fromMillis when none is given: ISO 8601 with milliseconds.</summary>
    public const string Iso8601 = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

    private const string NumericComponents = "YMDdFWwXxHhmsf";

    private static readonly Dictionary<char, string> DefaultPresentations = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1",
        ['x'] = "1", ['H'] = "1", ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01",
        ['z'] = "01:01", ['C'] = "n", ['E'] = "n",
    };

    private DateTimePicture(IReadOnlyList<object> parts) => Parts = parts;

    public IReadOnlyList<object> Parts { get; }

    /// <exception cref="JsonataException">D3135 for a marker without its closing bracket, D3132 for an unknown
    /// component, D3130/D3131 for a bad integer picture.</exception>
    public static DateTimePicture Analyse(string picture)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        void FlushLiteral()
        {
            if (literal.Length > 0)
                parts.Add(literal.ToString().Replace("]]", "]", StringComparison.Ordinal));
            literal.Clear();
        }

        var position = 0;
        while (position < picture.Length)
        {
            if (picture[position] != '[')
            {
                literal.Append(picture[position++]);
                continue;
            }
            if (position + 1 < picture.Length && picture[position + 1] == '[')
            {
                FlushLiteral();
                parts.Add("[");
                position += 2;
                continue;
            }
            FlushLiteral();
            var close = picture.IndexOf(']', position);
            if (close < 0)
                throw PictureErrors.Create("D3135");
            var text = string.Concat(picture[(position + 1)..close].Where(ch => !char.IsWhiteSpace(ch)));
            var marker = AnalyseMarker(text);
            // A number followed directly by another must take exactly its digits when parsed.
            if (marker.Integer is not null && NumericComponents.Contains(marker.Component, StringComparison.Ordinal)
                && parts.Count > 0 && parts[^1] is DateTimeMarker { Integer: { } previousInteger } previous)
                parts[^1] = previous with { Integer = previousInteger with { ParseWidth = previousInteger.MandatoryDigits } };
            parts.Add(marker);
            position = close + 1;
        }
        FlushLiteral();
        return new DateTimePicture(parts);
    }

    private static DateTimeMarker AnalyseMarker(string text)
    {
        var component = text.Length > 0 ? text[0] : '\0';
        if (!DefaultPresentations.TryGetValue(component, out var defaultPresentation))
            throw PictureErrors.Create("D3132", text.Length > 0 ? text[..1] : string.Empty);

        int? minimum = null, maximum = null;
        var comma = text.LastIndexOf(',');
        var presentation = comma < 0 ? text[1..] : text[1..comma];
        if (comma >= 0)
        {
            var width = text[(comma + 1)..];
            var dash = width.IndexOf('-', StringComparison.Ordinal);
            minimum = ParseWidth(dash < 0 ? width : width[..dash]);
            maximum = dash < 0 ? null : ParseWidth(width[(dash + 1)..]);
        }

        string primary;
        char? second = null;
        if (presentation.Length == 0)
        {
            primary = defaultPresentation;
        }
        else if (presentation.Length > 1 && "atco".Contains(presentation[^1], StringComparison.Ordinal))
        {
            primary = presentation[..^1];
            second = presentation[^1];
        }
        else
        {
            primary = presentation;
        }

        var marker = new DateTimeMarker { Component = component, Presentation2 = second, MinimumWidth = minimum, MaximumWidth = maximum };
        if (component is 'Z' or 'z')
            return marker with { Integer = IntegerPicture.TryAnalyseDigits(primary) }; // none: D3134 when formatted
        if (primary[0] == 'n')
            return marker with { Names = LetterCase.Lower };
        if (primary[0] == 'N')
            return marker with { Names = primary.Length > 1 && primary[1] == 'n' ? LetterCase.Title : LetterCase.Upper };
        if (!NumericComponents.Contains(component, StringComparison.Ordinal))
            return marker;

        var integer = IntegerPicture.Analyse(second is null ? primary : primary + ";" + second);
        var isDecimal = integer.Style == IntegerStyle.Decimal;
        if (isDecimal && minimum is { } least && integer.MandatoryDigits < least)
            integer = integer with { MandatoryDigits = least };
        int? yearDigits = null;
        if (component == 'Y')
        {
            // F&O 9.8.4.4: a maximum width, or a digit pattern of two or more digits, keeps that many of the year's
            // last digits (so [Yw,*-2] gives "eighteen" in 2018, [Yw] the whole year in words).
            if (maximum is { } most)
            {
                yearDigits = most;
                integer = integer with { MandatoryDigits = most };
            }
            else if (isDecimal && integer.MandatoryDigits + integer.OptionalDigits >= 2)
            {
                yearDigits = integer.MandatoryDigits + integer.OptionalDigits;
            }
        }
        return marker with { Integer = integer, YearDigits = yearDigits };
    }

    private static int? ParseWidth(string width) =>
        int.TryParse(width, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
