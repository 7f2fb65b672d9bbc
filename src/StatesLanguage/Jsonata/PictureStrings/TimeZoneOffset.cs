namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>A time zone as an offset from UTC in minutes, read from the <c>±HHMM</c> argument of $fromMillis or a
/// parsed <c>[Z]</c>/<c>[z]</c> marker.</summary>
internal static class TimeZoneOffset
{
    /// <summary>Minutes east of UTC for <c>±HHMM</c>, <c>±HH:MM</c>, <c>±H</c> or <c>±HH</c> (a missing sign is +);
    /// null when <paramref name="text"/> is none of these.</summary>
    public static int? Parse(string text)
    {
        var sign = 1;
        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            sign = text[0] == '-' ? -1 : 1;
            text = text[1..];
        }
        string hours, minutes;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            hours = text[..colon];
            minutes = text[(colon + 1)..];
        }
        else if (text.Length <= 2)
        {
            hours = text;
            minutes = "0";
        }
        else
        {
            hours = text[..^2];
            minutes = text[^2..];
        }
        if (!int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            return null;
        return sign * (h * 60 + m);
    }
}
