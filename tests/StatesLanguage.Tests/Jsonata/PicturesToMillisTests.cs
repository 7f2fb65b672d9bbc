using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>$toMillis: ISO 8601 without a picture, and parsing with one (defaults, gaps, zones, names).</summary>
public sealed class PicturesToMillisTests
{
    /// <summary>"Now" for the components a picture leaves out: 2026-12-02T11:22:33.444Z.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 11, 22, 33, 444, TimeSpan.Zero);

    [Theory]
    [InlineData("2018", 1514764800000)]
    [InlineData("2018-03", 1519862400000)]
    [InlineData("2018-02-01T09:42:13.123+0000", 1517478133123)]
    [InlineData("2018-02-01T09:42:13.123-05:30", 1517497933123)]
    [InlineData("2018-01-01T10:00:00.5Z", 1514800800500)]
    [InlineData("2018-01-01T10:00:00.891234+01:00", 1514797200891)]
    [InlineData("2018-01-01T10:00:00", 1514800800000)] // no offset: UTC
    [InlineData("2018-01-01T24:00:00Z", 1514851200000)]
    [InlineData("2018-02-31", 1520035200000)] // rolls over into March, as JavaScript's Date.parse does
    [InlineData("2016-02-29", 1456704000000)]
    public void ToMillis_Iso8601_GivesMillisSinceTheEpoch(string timestamp, double expected) =>
        Assert.Equal(expected, Pictures.ToMillis(timestamp, null));

    [Theory]
    [InlineData("2018-13-01")]
    [InlineData("2018-00-01")]
    [InlineData("2018-03-04T25:00:00Z")]
    public void ToMillis_Iso8601ShapeButNoDate_IsUndefined(string timestamp) =>
        Assert.Null(Pictures.ToMillis(timestamp, null));

    [Fact]
    public void ToMillis_NotIso8601_ThrowsD3110WithTheQuotedTimestamp()
    {
        var error = Assert.Throws<JsonataException>(() => Pictures.ToMillis("2018-02-01T09:42", null));
        Assert.Equal("D3110", error.Code);
        Assert.Equal("The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given \"2018-02-01T09:42\"", error.Message);
    }

    [Fact]
    public void ToMillis_TimeOnly_TakesTodaysDateFromNow() =>
        Assert.Equal(Now.Date.AddHours(12).AddMinutes(30) - DateTime.UnixEpoch,
                     TimeSpan.FromMilliseconds(Pictures.ToMillis("12:30", "[H]:[m]", Now)!.Value));

    [Fact]
    public void ToMillis_MonthAndDay_TakeTheYearFromNowAndMidnight() =>
        Assert.Equal(1772668800000, Pictures.ToMillis("03-05", "[M]-[D]", Now)); // 2026-03-05T00:00Z

    [Theory]
    [InlineData("4/4/2018 12:06 am", 1522800360000)]
    [InlineData("4/4/2018 12:06 pm", 1522843560000)]
    [InlineData("4/4/2018 11:30 PM", 1522884600000)]
    public void ToMillis_TwelveHourClock_ReadsMidnightAndNoon(string timestamp, double expected) =>
        Assert.Equal(expected, Pictures.ToMillis(timestamp, "[D1]/[M1]/[Y0001] [h]:[m] [P]", Now));

    [Theory]
    [InlineData("2018-060", "[Y]-[d001]", 1519862400000)] // 1 March
    [InlineData("2016-060", "[Y]-[d001]", 1456704000000)] // 29 February
    [InlineData("23/3/18", "[D]/[M]/[Y,2]", -1633996800000)] // 1918: two-digit years as JavaScript's Date.UTC reads them
    [InlineData("march 5 2018", "[MNn] [D] [Y]", 1520208000000)] // names in any case
    [InlineData("Fri, 23rd Mar 2018", "[FNn,*-3], [D1o] [MNn,*-3] [Y]", 1521763200000)]
    [InlineData("2018-01-01 10:00 +05:30", "[Y]-[M]-[D] [H]:[m] [Z]", 1514781000000)]
    [InlineData("2018-01-01 10:00 GMT+5", "[Y]-[M]-[D] [H]:[m] [z01]", 1514782800000)]
    [InlineData("20180205", "[Y0001][M01][D01]", 1517788800000)] // adjacent numbers take their picture's width
    public void ToMillis_Picture_ReadsTheTimestamp(string timestamp, string picture, double expected) =>
        Assert.Equal(expected, Pictures.ToMillis(timestamp, picture, Now));

    [Theory]
    [InlineData("Hello", "Hello")] // no component
    [InlineData("irrelevant", "[Y]-[M]-[D]")] // no match
    [InlineData("Smarch 5 2018", "[MNn] [D] [Y]")] // no such month
    public void ToMillis_NothingToRead_IsUndefined(string timestamp, string picture) =>
        Assert.Null(Pictures.ToMillis(timestamp, picture, Now));

    [Theory]
    [InlineData("2018-22", "[Y]-[D]", "D3136")] // a gap: no month
    [InlineData("01:02", "[H]:[s]", "D3136")] // a gap: no minutes
    [InlineData("2018-32-5", "[X]-[W]-[F1]", "D3136")] // ISO week dates are not parsed
    [InlineData("2018", "[YN]", "D3133")]
    [InlineData("2018", "[Y]-[q]", "D3132")]
    public void ToMillis_PictureThatCannotGiveATimestamp_Throws(string timestamp, string picture, string code) =>
        Assert.Equal(code, Assert.Throws<JsonataException>(() => Pictures.ToMillis(timestamp, picture, Now)).Code);

    [Theory]
    [InlineData("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]")]
    [InlineData("[FNn], [D1o] [MNn] [Y0001] [h]:[m01]:[s01].[f001] [P] [z]")]
    [InlineData("[Yw] [MNn] [Dwo] [H01][m01][s01][f001] [Z0001]")]
    [InlineData("[YI]-[d001] [H]:[m]:[s].[f] [Z]")]
    public void ToMillis_WhatFromMillisWrote_GivesTheInstantBack(string picture)
    {
        foreach (var millis in new double[] { 0, 951782400000, 1521801216617, 1230757500000, 1600000000123, -2208988800000 })
        {
            foreach (var zone in new[] { "+0000", "-0500", "+0530", "+1000" })
                Assert.Equal(millis, Pictures.ToMillis(Pictures.FromMillis(millis, picture, zone), picture, Now));
        }
    }
}
