using System.Runtime.CompilerServices;

namespace Analytics.Domain.Uploads;

/// <summary>A fast path for the one timestamp shape uploads are written in, <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>.</summary>
internal static class Utf8Timestamp
{
    /// <summary>
    /// Parses exactly <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> (years 1000–8999, offsets within ±14:00) as
    /// <see cref="System.Text.Json.Utf8JsonReader.TryGetDateTimeOffset"/> would. False for any other text, valid or not:
    /// the caller then asks the general parser, so this never decides that a timestamp is invalid.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 25 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[22] != ':' || (text[19] != '+' && text[19] != '-'))
        {
            return false;
        }

        var year = (Two(text, 0) * 100) + Two(text, 2);
        var month = Two(text, 5);
        var day = Two(text, 8);
        var hour = Two(text, 11);
        var minute = Two(text, 14);
        var second = Two(text, 17);
        var offsetHours = Two(text, 20);
        var offsetMinutes = Two(text, 23);
        if (year is < 1000 or > 8999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || (offsetHours * 60) + offsetMinutes > 14 * 60)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        value = new DateTimeOffset(year, month, day, hour, minute, second, text[19] == '-' ? -offset : offset);
        return true;
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
