using System.Text;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>fn:format-dateTime as JSONata's $fromMillis does it: every component in one fixed offset from UTC.</summary>
internal static class DateTimeFormatter
{
    /// <summary>The range of a JavaScript date, in milliseconds either side of the epoch.</summary>
    private const double MaximumMillis = 8.64e15;

    private const string IntegerComponents = "YMDdFWwXxHhms";

    public static string Format(double millis, string? picture, string? timezone)
    {
        if (double.IsNaN(millis) || Math.Abs(millis) > MaximumMillis)
            throw new ArgumentOutOfRangeException(nameof(millis), millis, "Outside the range of a JavaScript date.");
        var offset = (timezone is null ? null : TimeZoneOffset.FromArgument(timezone)) ?? (0, 0);
        var fields = new DateTimeFields((long)Math.Truncate(millis) + (offset.Hours * 60L + offset.Minutes) * 60_000);
        var analysed = DateTimePicture.Analyse(picture ?? DateTimePicture.Iso8601);
        var result = new StringBuilder();
        foreach (var part in analysed.Parts)
        {
            if (part is DateTimeMarker marker)
                result.Append(FormatMarker(fields, marker, offset));
            else
                result.Append((string)part);
        }
        return result.ToString();
    }

    private static string FormatMarker(DateTimeFields fields, DateTimeMarker marker, (int Hours, int Minutes) offset)
    {
        var component = marker.Component;
        if (IntegerComponents.Contains(component, StringComparison.Ordinal))
        {
            var value = fields.Get(component);
            if (marker.YearDigits is { } digits)
                value %= Math.Pow(10, digits);
            if (marker.Names is { } names)
            {
                var name = component switch
                {
                    'M' or 'x' => CalendarNames.Months[(int)value - 1],
                    'F' => CalendarNames.Days[(int)value - 1],
                    _ => throw PictureErrors.Create("D3133", component.ToString()),
                };
                return CalendarNames.Present(name, names, marker.MaximumWidth);
            }
            return marker.Integer!.Format(value);
        }
        if (component == 'f' && marker.Integer is null)
            throw PictureErrors.Create("D3133", "f");
        return component switch
        {
            'f' => marker.Integer!.Format(fields.Get('f')),
            'Z' or 'z' => FormatZone(marker, offset),
            'P' => marker.Names == LetterCase.Upper ? (fields.Get('P') == 0 ? "AM" : "PM") : (fields.Get('P') == 0 ? "am" : "pm"),
            _ => "ISO", // C (calendar) and E (era)
        };
    }

    /// <summary>F&amp;O 9.8.4.6: the offset as hours (one or two digits, with :MM when not whole), as HHMM (three or
    /// four digits) or as the picture's regular grouping (<c>01:01</c>); <c>GMT</c> before it for <c>z</c>, and
    /// <c>Z</c> alone for UTC with the <c>t</c> modifier.</summary>
    private static string FormatZone(DateTimeMarker marker, (int Hours, int Minutes) offset)
    {
        var integer = marker.Integer ?? throw PictureErrors.Create("D3134");
        var (hours, minutes) = offset; // both carry the offset's sign, see TimeZoneOffset
        var hhmm = hours * 100 + minutes;
        string text;
        if (integer.RegularGrouping > 0)
        {
            text = integer.Format(hhmm);
        }
        else if (integer.MandatoryDigits is 1 or 2)
        {
            text = integer.Format(hours);
            if (minutes != 0)
                text += ":" + (minutes < 0 ? "-" : string.Empty) + Math.Abs(minutes).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (integer.MandatoryDigits is 3 or 4)
        {
            text = integer.Format(hhmm);
        }
        else
        {
            throw PictureErrors.Create("D3134");
        }
        if (hhmm == 0 && marker.Presentation2 == 't')
            return "Z";
        if (hhmm >= 0)
            text = "+" + text;
        return marker.Component == 'z' ? "GMT" + text : text;
    }
}
