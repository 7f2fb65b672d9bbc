namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>The calendar and clock components of an instant (milliseconds since the epoch, already shifted into the
/// wanted time zone), as the date/time picture components name them.</summary>
internal readonly record struct DateTimeFields(long Millis)
{
    public long DayNumber => ProlepticCalendar.FloorDiv(Millis, ProlepticCalendar.MillisPerDay);

    public int MillisOfDay => (int)(Millis - DayNumber * ProlepticCalendar.MillisPerDay);

    /// <summary>The numeric value of component <paramref name="component"/> (P: 0 am, 1 pm).</summary>
    public double Get(char component)
    {
        var (year, month, day) = ProlepticCalendar.Date(DayNumber);
        return component switch
        {
            'Y' => year,
            'M' => month,
            'D' => day,
            'd' => DayNumber - ProlepticCalendar.DayNumber(year, 1, 1) + 1,
            'F' => ProlepticCalendar.IsoDayOfWeek(DayNumber),
            'W' => WeekOf(year, 1, 52, yearly: true),
            'w' => WeekOf(year, month, 4, yearly: false),
            'X' => WeekYear(year),
            'x' => WeekMonth(year, month),
            'H' => MillisOfDay / 3_600_000,
            'h' => (MillisOfDay / 3_600_000 + 11) % 12 + 1,
            'P' => MillisOfDay >= 12 * 3_600_000 ? 1 : 0,
            'm' => MillisOfDay / 60_000 % 60,
            's' => MillisOfDay / 1000 % 60,
            'f' => MillisOfDay % 1000,
            _ => 0,
        };
    }

    /// <summary>The week of the year (or month) holding this day; days before week 1 belong to the previous period's
    /// last week, days after the last full week may be week 1 of the next.</summary>
    private double WeekOf(long year, long month, int usualWeeks, bool yearly)
    {
        var week = WeekNumber(ProlepticCalendar.StartOfFirstWeek(year, month));
        if (week > usualWeeks)
        {
            var next = yearly ? ProlepticCalendar.StartOfFirstWeek(year + 1, 1) : ProlepticCalendar.StartOfFirstWeek(year, month + 1);
            if (DayNumber >= next)
                week = 1;
        }
        else if (week < 1)
        {
            week = WeekNumber(yearly ? ProlepticCalendar.StartOfFirstWeek(year - 1, 1) : ProlepticCalendar.StartOfFirstWeek(year, month - 1));
        }
        return week;
    }

    private long WeekNumber(long startOfWeek1) => ProlepticCalendar.FloorDiv(DayNumber - startOfWeek1, 7) + 1;

    /// <summary>The ISO week-numbering year.</summary>
    private long WeekYear(long year) =>
        DayNumber < ProlepticCalendar.StartOfFirstWeek(year, 1) ? year - 1
        : DayNumber >= ProlepticCalendar.StartOfFirstWeek(year + 1, 1) ? year + 1
        : year;

    /// <summary>The month (1–12) whose weeks, counted like ISO years count theirs, hold this day.</summary>
    private int WeekMonth(long year, int month) =>
        DayNumber < ProlepticCalendar.StartOfFirstWeek(year, month) ? (month + 10) % 12 + 1
        : DayNumber >= ProlepticCalendar.StartOfFirstWeek(year, month + 1) ? month % 12 + 1
        : month;
}
