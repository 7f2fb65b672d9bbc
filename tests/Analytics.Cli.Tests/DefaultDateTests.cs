using Analytics.Cli.Commands;
using Analytics.Domain;

namespace Analytics.Cli.Tests;

/// <summary>
/// <c>generate</c> and <c>demo</c> default to yesterday in the chain's zone, whose every moment is already past
/// there, so no generated timestamp is in the future (yesterday in UTC is still today in Pago Pago for 13 hours a day).
/// </summary>
public sealed class DefaultDateTests
{
    [Theory]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("America/Los_Angeles")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    [InlineData("Pacific/Kiritimati")]
    public void YesterdayIn_AnyZone_IsTheDayBeforeTodayThere(string zone)
    {
        var now = DateTimeOffset.UtcNow;

        var yesterday = DailyCommand.YesterdayIn(zone);

        var today = DateOnly.FromDateTime(TimeZones.Find(zone)!.ToLocal(now).DateTime);
        Assert.Equal(today.AddDays(-1), yesterday);
    }
}
