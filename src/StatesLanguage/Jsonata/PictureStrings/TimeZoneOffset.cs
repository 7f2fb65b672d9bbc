namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// Time zone offsets as the reference implementation reads them. The <c>±HHMM</c> argument of $fromMillis is read as
/// one integer N, whose hours are ⌊N/100⌋ and minutes N mod 100 with the sign of N, so <c>-0530</c> is −6 h and −30 min
/// (−6:30): odd for negative offsets that are not whole hours, but what JSONata (and so Step Functions) gives.
/// </summary>
internal static class TimeZoneOffset
{
    /// <summary>The hours and minutes of the $fromMillis argument (the instant moves by 60 × hours + minutes
    /// minutes); null when it does not start with an integer.</summary>
    public static (int Hours, int Minutes)? FromArgument(string text)
    {
        if (LeadingInteger(text) is not { } number)
            return null;
        return ((int)Math.Floor(number / 100.0), number % 100);
    }

    /// <summary>Minutes east of UTC for a parsed <c>[Z]</c>/<c>[z]</c> (without GMT): <c>±H:M</c> when the picture has
    /// a separator (read as <c>:</c>), else <c>±H</c>, <c>±HH</c> or <c>±HHMM</c>; the sign applies to the hours only,
    /// as in the reference. Null when the digits are missing.</summary>
    public static int? FromParsed(string text, bool separated)
    {
        int? hours, minutes = 0;
        if (separated)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            hours = LeadingInteger(text[..colon]);
            minutes = LeadingInteger(text[(colon + 1)..]);
        }
        else if (text.Length - 1 <= 2)
        {
            hours = LeadingInteger(text);
        }
        else
        {
            hours = LeadingInteger(text[..3]);
            minutes = LeadingInteger(text[3..]);
        }
        return hours * 60 + minutes;
    }

    /// <summary>The integer at the start of <paramref name="text"/> (an optional sign, then digits), like JavaScript's
    /// parseInt; null when there is none.</summary>
    public static int? LeadingInteger(string text)
    {
        var span = text.AsSpan().TrimStart();
        var sign = 1;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            sign = span[0] == '-' ? -1 : 1;
            span = span[1..];
        }
        var length = 0;
        while (length < span.Length && length < 9 && char.IsAsciiDigit(span[length]))
            length++;
        return length == 0 ? null : sign * int.Parse(span[..length], NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
