namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// Date arithmetic on milliseconds since 1970-01-01T00:00:00Z in the proleptic Gregorian calendar (every year, before
/// year 1 and after 9999 too, as JavaScript dates have them), with ISO 8601 weeks: a week starts on Monday and the
/// first week of a year (or, for <c>w</c>, of a month) is the one holding its first Thursday.
/// </summary>
internal static class ProlepticCalendar
{
    public const long MillisPerDay = 86_400_000;

    /// <summary>The day number (days since 1970-01-01) of a date; months and days out of range roll over.</summary>
    public static long DayNumber(long year, long month, long day)
    {
        year += FloorDiv(month - 1, 12);
        month = Mod(month - 1, 12) + 1;
        // Count from 1 March so that the leap day ends the counting year.
        var y = month <= 2 ? year - 1 : year;
        var era = FloorDiv(y, 400);
        var yearOfEra = y - era * 400;
        var monthFromMarch = (month + 9) % 12;
        var dayOfYear = (153 * monthFromMarch + 2) / 5;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468 + (day - 1);
    }

    public static (long Year, int Month, int Day) Date(long dayNumber)
    {
        var shifted = dayNumber + 719_468;
        var era = FloorDiv(shifted, 146_097);
        var dayOfEra = shifted - era * 146_097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthFromMarch = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        var month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        var year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }

    /// <summary>1 (Monday) to 7 (Sunday).</summary>
    public static int IsoDayOfWeek(long dayNumber) => (int)(Mod(dayNumber + 3, 7) + 1); // 1970-01-01 was a Thursday

    /// <summary>The day number of the Monday that starts week 1 of the month (January for a year).</summary>
    public static long StartOfFirstWeek(long year, long month)
    {
        var first = DayNumber(year, month, 1);
        var weekday = IsoDayOfWeek(first);
        return weekday > 4 ? first + (8 - weekday) : first - (weekday - 1);
    }

    public static long FloorDiv(long a, long b)
    {
        var quotient = a / b;
        return a % b != 0 && (a < 0) != (b < 0) ? quotient - 1 : quotient;
    }

    public static long Mod(long a, long b) => a - FloorDiv(a, b) * b;
}
