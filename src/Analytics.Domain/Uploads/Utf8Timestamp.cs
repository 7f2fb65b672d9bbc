using System.Runtime.CompilerServices;

namespace Analytics.Domain.Uploads;

/// <summary>A fast path for the timestamp shapes uploads are written in, <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> and <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
internal static class Utf8Timestamp
{
    /// <summary>
    /// Parses exactly <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> (years 1000–8999, offsets within ±14:00) or
    /// <c>yyyy-MM-ddTHH:mm:ssZ</c> as
    /// <see cref="System.Text.Json.Utf8JsonReader.TryGetDateTimeOffset"/> would. False for any other text, valid or not:
    /// the caller then asks the general parser, so this never decides that a timestamp is invalid.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (!TryReadParts(text, out var year, out var month, out var day, out var hour, out var minute, out var second, out var offsetMinutes)
            || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    /// <summary>
    /// The parts of <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> or <c>yyyy-MM-ddTHH:mm:ssZ</c>, each in its range except the day,
    /// which is only 1–31; <paramref name="offsetMinutes"/> is signed. Kept free of calls, so it compiles to straight-line code.
    /// </summary>
    private static bool TryReadParts(ReadOnlySpan<byte> text, out int year, out int month, out int day, out int hour, out int minute,
                                     out int second, out int offsetMinutes)
    {
        (year, month, day, hour, minute, second, offsetMinutes) = (0, 0, 0, 0, 0, 0, 0);
        var utc = text.Length == 20 && text[19] == 'Z';
        if ((text.Length != 25 && !utc) || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (utc)
        {
            return ReadDateAndTime(text, out year, out month, out day, out hour, out minute, out second);
        }

        if (text[22] != ':' || (text[19] != '+' && text[19] != '-'))
        {
            return false;
        }

        var dateAndTime = ReadDateAndTime(text, out year, out month, out day, out hour, out minute, out second);
        var offsetHours = Two(text, 20);
        var offsetMinutesPart = Two(text, 23);
        offsetMinutes = (offsetHours * 60) + offsetMinutesPart;
        if (text[19] == '-')
        {
            offsetMinutes = -offsetMinutes;
        }

        return dateAndTime && offsetMinutesPart <= 59 && (offsetHours * 60) + offsetMinutesPart <= 14 * 60;
    }

    /// <summary>The date and time parts, at their places in both shapes (the separators checked by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ReadDateAndTime(ReadOnlySpan<byte> text, out int year, out int month, out int day, out int hour, out int minute, out int second)
    {
        year = (Two(text, 0) * 100) + Two(text, 2);
        month = Two(text, 5);
        day = Two(text, 8);
        hour = Two(text, 11);
        minute = Two(text, 14);
        second = Two(text, 17);
        return year is >= 1000 and <= 8999 && month is >= 1 and <= 12 && day is >= 1 and <= 31 && hour <= 23 && minute <= 59 && second <= 59;
    }

    /// <summary>The two decimal digits at <paramref name="at"/>, or a number above 99 when either is not a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Two(ReadOnlySpan<byte> text, int at)
    {
        var high = (uint)(text[at] - '0');
        var low = (uint)(text[at + 1] - '0');
        return high > 9 || low > 9 ? 1000 : (int)((high * 10) + low);
    }
}
