using System.Text.RegularExpressions;

namespace StatesLanguage.Evaluation;

/// <summary>The strict ISO-8601 extended offset date-time AWS accepts: <c>2016-03-14T01:59:00Z</c>, optional
/// fraction, <c>Z</c> or <c>±hh:mm</c>. No space instead of <c>T</c>, no missing zone.</summary>
internal static partial class Timestamps
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Format().IsMatch(text))
            return false;
        var fraction = text.IndexOf('.', StringComparison.Ordinal);
        var normalized = text;
        if (fraction > 0)
        {
            // .NET parses at most 7 fraction digits; AWS allows nanoseconds.
            var end = fraction + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            if (end - fraction - 1 > 7)
                normalized = string.Concat(text.AsSpan(0, fraction + 8), text.AsSpan(end));
        }
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
