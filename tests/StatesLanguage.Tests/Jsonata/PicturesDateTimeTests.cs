using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>$fromMillis: calendar arithmetic, ISO weeks, time zones, widths, names and the picture errors.</summary>
public sealed class PicturesDateTimeTests
{
    private const double Friday23March2018 = 1521801216617; // 2018-03-23T10:33:36.617Z

    [Theory]
    [InlineData(0, "1970-01-01T00:00:00.000Z")]
    [InlineData(-1, "1969-12-31T23:59:59.999Z")]
    [InlineData(-1.9, "1969-12-31T23:59:59.999Z")] // fractions of a millisecond are truncated
    [InlineData(1.9, "1970-01-01T00:00:00.001Z")]
    [InlineData(-62135596800001, "0000-12-31T23:59:59.999Z")]
    [InlineData(253402300799999, "9999-12-31T23:59:59.999Z")]
    public void FromMillis_NoPicture_GivesIso8601InUtc(double millis, string expected) =>
        Assert.Equal(expected, Pictures.FromMillis(millis, null, null));

    [Theory]
    [InlineData(951782400000, "Tuesday 29th February 2000 day 60")] // divisible by 400: a leap year
    [InlineData(1709164800000, "Thursday 29th February 2024 day 60")]
    [InlineData(-2203891200000, "Thursday 1st March 1900 day 60")] // divisible by 100 only: not one
    [InlineData(1483185600000, "Saturday 31st December 2016 day 366")]
    public void FromMillis_LeapYears_CountDaysRight(double millis, string expected) =>
        Assert.Equal(expected, Pictures.FromMillis(millis, "[FNn] [D1o] [MNn] [Y] day [d]", null));

    [Theory]
    [InlineData(1104537600000, "2004-W53-6")] // Sat 1 Jan 2005
    [InlineData(1230508800000, "2009-W01-1")] // Mon 29 Dec 2008
    [InlineData(1262476800000, "2009-W53-7")] // Sun 3 Jan 2010
    [InlineData(1735603200000, "2025-W01-2")] // Tue 31 Dec 2024
    public void FromMillis_IsoWeekDate_UsesTheWeekNumberingYear(double millis, string expected) =>
        Assert.Equal(expected, Pictures.FromMillis(millis, "[X0001]-W[W01]-[F1]", null));

    [Theory]
    [InlineData(1359460800000, "Week: 5 of January")]
    [InlineData(1483272000000, "Week: 5 of December")] // Sun 1 Jan 2017 is in December's last week
    [InlineData(1533038400000, "Week: 1 of August")] // Tue 31 Jul 2018 is in August's first week
    public void FromMillis_WeekOfMonth_BelongsToTheMonthWithItsThursday(double millis, string expected) =>
        Assert.Equal(expected, Pictures.FromMillis(millis, "Week: [w] of [xNn]", null));

    [Theory]
    [InlineData("+0000", "2018-03-23T10:33:36.617Z")]
    [InlineData("0000", "2018-03-23T10:33:36.617Z")]
    [InlineData("+01", "2018-03-23T10:34:36.617+00:01")] // read as the integer 1, like the reference
    [InlineData("-0500", "2018-03-23T05:33:36.617-05:00")]
    [InlineData("+0530", "2018-03-23T16:03:36.617+05:30")]
    [InlineData("+1400", "2018-03-24T00:33:36.617+14:00")]
    [InlineData("-1200", "2018-03-22T22:33:36.617-12:00")]
    [InlineData("-0530", "2018-03-23T04:03:36.617-06:30")] // the reference reads -0530 as −6 h −30 min
    public void FromMillis_TimeZone_ShiftsTheClockAndShowsTheOffset(string timezone, string expected) =>
        Assert.Equal(expected, Pictures.FromMillis(Friday23March2018, null, timezone));

    [Theory]
    [InlineData("[Z0]", "+0530", "+5:30")]
    [InlineData("[Z0]", "-0500", "-5")]
    [InlineData("[Z0101]", "-0500", "-0500")]
    [InlineData("[Z]", "+0000", "+00:00")]
    [InlineData("[Z01:01t]", "+0000", "Z")]
    [InlineData("[z]", "-0500", "GMT-05:00")]
    [InlineData("[z]", "+0000", "GMT+00:00")]
    public void FromMillis_ZoneMarker_FormatsTheOffset(string picture, string timezone, string expected) =>
        Assert.Equal(expected, Pictures.FromMillis(Friday23March2018, picture, timezone));

    [Theory]
    [InlineData("[MNn,3-3] [MN,1-1] [Mn,2]", "Mar M march")]
    [InlineData("[Y0001,2-2] [YI] [Yw] [Y,3]", "18 MMXVIII two thousand and eighteen 018")]
    [InlineData("[h01][P] [PN] [Pn] [PNn]", "10am AM am am")]
    [InlineData("[f] [f01] [f001] [f0001]", "617 617 617 0617")]
    [InlineData("[D#1,2]/[M1,2]/[Y,2]", "23/03/18")]
    [InlineData("[Y9,999,*]", "2,018")]
    [InlineData("x]y[[z]]", "x]y[z]")]
    [InlineData("[ D 01 ] [E] [C]", "23 ISO ISO")]
    [InlineData("[FNn,*-3] [Dwo] [MNn]", "Fri twenty-third March")]
    public void FromMillis_Modifiers_PresentTheComponents(string picture, string expected) =>
        Assert.Equal(expected, Pictures.FromMillis(Friday23March2018, picture, null));

    [Theory]
    [InlineData("[D01", "D3135", "No matching closing bracket ']' in date/time picture string")]
    [InlineData("[E] [q]", "D3132", "Unknown component specifier \"q\" in date/time picture string")]
    [InlineData("[YN]", "D3133", "The 'name' modifier can only be applied to months and days in the date/time picture string, not \"Y\"")]
    [InlineData("[Z010101]", "D3134", "The timezone integer format specifier cannot have more than four digits")]
    [InlineData("[Mα]", "D3130", "Formatting or parsing an integer as a sequence starting with \"α\" is not supported by this implementation")]
    public void FromMillis_BadPicture_ThrowsTheReferenceError(string picture, string code, string message)
    {
        var error = Assert.Throws<JsonataException>(() => Pictures.FromMillis(Friday23March2018, picture, null));
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void FromMillis_BeyondAJavaScriptDate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pictures.FromMillis(8.64e15 + 1, null, null));
}
