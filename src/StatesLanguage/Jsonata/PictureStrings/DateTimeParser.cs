using System.Text;
using System.Text.RegularExpressions;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// $toMillis with a picture: the timestamp must match the whole picture (letters in any case). The date comes from
/// {Y, M, D} or {Y, d}; the time from {H, m, s, f} or {P, h, m, s, f}; [Z] or [z] shifts it. Components above the most
/// significant one given come from "now", those below the least significant one default to their minimum, and a gap
/// between given ones is D3136. Dates by week ({X, x, w, F} or {X, W, F}) are D3136 too, as in the reference. Two
/// departures from the reference, where it fails outright: a day of the year may be followed by a time, and a zone
/// marker with the <c>t</c> modifier reads the <c>Z</c> it writes for UTC.
/// </summary>
internal static class DateTimeParser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <returns>Milliseconds since the epoch; null when the timestamp does not match the picture, or the picture has
    /// no marker.</returns>
    public static double? Parse(string timestamp, string picture, long nowMillis)
    {
        var markers = new List<DateTimeMarker?>();
        var pattern = new StringBuilder("^");
        foreach (var part in DateTimePicture.Analyse(picture).Parts)
        {
            pattern.Append('(');
            if (part is DateTimeMarker marker)
            {
                markers.Add(marker);
                pattern.Append(PatternOf(marker));
            }
            else
            {
                markers.Add(null);
                pattern.Append(Regex.Escape((string)part));
            }
            pattern.Append(')');
        }
        var match = Regex.Match(timestamp, pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
        if (!match.Success)
            return null;

        var given = new Dictionary<char, double>();
        for (var i = 0; i < markers.Count; i++)
        {
            if (markers[i] is not { } marker)
                continue;
            if (ValueOf(marker, match.Groups[i + 1].Value) is not { } value)
                return null;
            given[marker.Component] = value;
        }
        return given.Count == 0 ? null : Combine(given, new DateTimeFields(nowMillis));
    }

    private static string PatternOf(DateTimeMarker marker)
    {
        switch (marker.Component)
        {
            case 'Z' or 'z':
                var zone = marker.Component == 'z' ? "GMT[-+][0-9]+" : "[-+][0-9]+";
                if (marker.Integer is { RegularGrouping: > 0 } digits)
                    zone += Regex.Escape(digits.Grouping[0].Separator) + "[0-9]+";
                return marker.Presentation2 == 't' ? zone + "|Z" : zone; // what [Z01:01t] writes for UTC
            case 'f':
                return "[0-9]+";
        }
        if (marker.Integer is { } integer)
            return integer.Pattern;
        if (marker.Component is 'M' or 'x' or 'F' or 'P')
            return "[a-zA-Z]+";
        throw PictureErrors.Create("D3133", marker.Component.ToString());
    }

    private static double? ValueOf(DateTimeMarker marker, string text)
    {
        switch (marker.Component)
        {
            case 'Z' or 'z':
                if (text is "Z" or "z")
                    return 0;
                if (marker.Component == 'z')
                    text = text[3..]; // GMT
                var separated = marker.Integer is { RegularGrouping: > 0 };
                if (separated)
                    text = text.Replace(marker.Integer!.Grouping[0].Separator, ":", StringComparison.Ordinal);
                return TimeZoneOffset.FromParsed(text, separated);
            case 'f':
                return int.Parse(text.PadRight(3, '0')[..3], CultureInfo.InvariantCulture);
        }
        if (marker.Integer is { } integer)
            return integer.Parse(text);
        var index = marker.Component switch
        {
            'M' or 'x' => IndexOfName(CalendarNames.Months, text, marker.MaximumWidth) + 1,
            'F' => IndexOfName(CalendarNames.Days, text, marker.MaximumWidth) + 1,
            _ => IndexOfName(["am", "pm"], text, width: null), // P: 0 am, 1 pm
        };
        return index >= (marker.Component == 'P' ? 0 : 1) ? index : null;
    }

    /// <summary>The index of the name <paramref name="text"/> is (cut to <paramref name="width"/> when set); −1 if none.</summary>
    private static int IndexOfName(IReadOnlyList<string> names, string text, int? width)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var name = width is { } w && names[i].Length > w ? names[i][..w] : names[i];
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    private static double Combine(Dictionary<char, double> given, DateTimeFields now)
    {
        bool IsKind(string allowed, string among)
        {
            var present = among.Where(given.ContainsKey).ToList();
            return present.Count > 0 && present.All(c => allowed.Contains(c, StringComparison.Ordinal));
        }
        const string dateComponents = "YXMxWwdD";
        const string timeComponents = "PHhmsf";
        var byMonth = IsKind("YMD", dateComponents);
        var byDayOfYear = !byMonth && IsKind("Yd", dateComponents);
        var byWeekOfMonth = IsKind("Xxw", dateComponents);
        var byWeekOfYear = !byWeekOfMonth && IsKind("XW", dateComponents);
        var twelveHour = !IsKind("Hmsf", timeComponents) && IsKind("Phmsf", timeComponents);

        // The reference lines up "YD" for a day of the year, so that any time after it is a gap (D3136); "Yd" is meant.
        var sequence = (byDayOfYear ? "Yd" : byWeekOfMonth ? "XxwF" : byWeekOfYear ? "XWF" : "YMD") + (twelveHour ? "Phmsf" : "Hmsf");
        var values = new Dictionary<char, double>(given);
        bool started = false, ended = false;
        foreach (var component in sequence)
        {
            if (given.ContainsKey(component))
            {
                if (ended)
                    throw PictureErrors.Create("D3136");
                started = true;
            }
            else if (started)
            {
                values[component] = component is 'M' or 'D' or 'd' ? 1 : 0;
                ended = true;
            }
            else
            {
                values[component] = now.Get(component);
            }
        }
        if (byWeekOfMonth || byWeekOfYear)
            throw PictureErrors.Create("D3136");

        var year = (long)values['Y'];
        if (year is >= 0 and <= 99)
            year += 1900; // as JavaScript's Date.UTC, which the reference builds the result with, reads such years
        var day = byDayOfYear
            ? ProlepticCalendar.DayNumber(year, 1, 1) + (long)values['d'] - 1
            : ProlepticCalendar.DayNumber(year, Math.Max(1, (long)values['M']), (long)values['D']);
        var hour = twelveHour ? values['h'] % 12 + (values['P'] == 1 ? 12 : 0) : values['H'];
        var offset = values.TryGetValue('Z', out var z) ? z : values.TryGetValue('z', out var lowerZ) ? lowerZ : 0;
        return day * ProlepticCalendar.MillisPerDay + ((hour * 60 + values['m'] - offset) * 60 + values['s']) * 1000 + values['f'];
    }
}
