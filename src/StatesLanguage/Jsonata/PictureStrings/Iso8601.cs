using System.Text.RegularExpressions;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>$toMillis without a picture: an ISO 8601 timestamp such as <c>2018</c>, <c>2017-10-30</c>,
/// <c>2017-10-30T15:28:34Z</c> or <c>2018-02-01T09:42:13.123+0000</c>. Without an offset it is read as UTC.</summary>
internal static partial class Iso8601
{
    /// <returns>Milliseconds since the epoch; null when the text has the right shape but is no date (month 13, a
    /// fraction without a time).</returns>
    /// <exception cref="JsonataException">D3110 when the text is not shaped like an ISO 8601 timestamp.</exception>
    public static double? Parse(string timestamp)
    {
        var match = Shape().Match(timestamp);
        if (!match.Success)
            throw PictureErrors.Create("D3110", timestamp);
        int Group(string name, int absent) =>
            match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : absent;

        var hasTime = match.Groups["hour"].Success;
        if ((match.Groups["day"].Success && !match.Groups["month"].Success)
            || (!hasTime && (match.Groups["fraction"].Success || match.Groups["zone"].Success)))
            return null;
        var year = Group("year", 0);
        var month = Group("month", 1);
        var day = Group("day", 1);
        var (hour, minute, second) = (Group("hour", 0), Group("minute", 0), Group("second", 0));
        if (month is < 1 or > 12 || day is < 1 or > 31)
            return null; // like JavaScript's Date.parse, 31 February is 3 March
        if (hour > 24 || (hour == 24 && (minute != 0 || second != 0)))
            return null;
        var fraction = match.Groups["fraction"].Success ? match.Groups["fraction"].Value : string.Empty;
        var milliseconds = int.Parse(fraction.PadRight(3, '0')[..3], CultureInfo.InvariantCulture);
        var offset = 0;
        if (match.Groups["zone"].Success && match.Groups["zone"].Value != "Z")
            offset = IsoOffset(match.Groups["zone"].Value);
        var days = ProlepticCalendar.DayNumber(year, month, day);
        return days * ProlepticCalendar.MillisPerDay + ((hour * 60L + minute - offset) * 60 + second) * 1000 + milliseconds;
    }

    /// <summary>Minutes east of UTC of <c>±HH:MM</c> or <c>±HHMM</c>.</summary>
    private static int IsoOffset(string zone)
    {
        var digits = zone.Replace(":", string.Empty, StringComparison.Ordinal);
        var minutes = int.Parse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60 + int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return zone[0] == '-' ? -minutes : minutes;
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})(-(?<month>[01][0-9]))?(-(?<day>[0-3][0-9]))?(T(?<hour>[0-2][0-9]):(?<minute>[0-5][0-9]):(?<second>[0-5][0-9]))?(\.(?<fraction>[0-9]+))?(?<zone>[+-][0-2][0-9]:?[0-5][0-9]|Z)?$",
                    RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Shape();
}
