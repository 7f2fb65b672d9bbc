using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;
using Analytics.Testing;

namespace Analytics.Domain.Tests.Insights;

/// <summary>A day that stops hours before its usual close is "incomplete?" (issue 14, item 5).</summary>
public sealed class IncompleteDaysTests
{
    private static readonly DateOnly Day = new(2025, 6, 18);

    /// <summary>A store of <paramref name="transactions"/> a day whose sales run from 9h to <paramref name="lastHour"/>.</summary>
    private static StoreDaySummary Store(string id, DateOnly date, int transactions, int lastHour) =>
        SalesData.StoreDay(id, date, transactions, new Line("C1", "Coffee", transactions, 10m)) with
        {
            Hours = [new HourSales(9, transactions - 1, transactions - 1, 10m * (transactions - 1)), new HourSales(lastHour, 1, 1, 10m)],
        };

    private static IReadOnlyList<IncompleteDay> Find(int bigLastHourToday, int smallLastHourToday)
    {
        IReadOnlyList<StoreDaySummary> On(DateOnly date) => date == Day
            ? [Store("big", date, 60, bigLastHourToday), Store("small", date, 3, smallLastHourToday)]
            : [Store("big", date, 60, 17 + (date.DayNumber / 7 % 2)), Store("small", date, 3, 12 + (date.DayNumber / 7 % 5))];
        return IncompleteDays.Find(On(Day), SalesData.History(Day, On));
    }

    [Fact]
    public void Find_BusyStoreStopsHoursBeforeItsEarliestUsualClose_IsIncomplete() =>
        Assert.Equal([new IncompleteDay("big", 12, 17, 8)], Find(bigLastHourToday: 12, smallLastHourToday: 12));

    [Fact]
    public void Find_BusyStoreAnHourEarly_IsNotIncomplete() => Assert.Empty(Find(bigLastHourToday: 16, smallLastHourToday: 12));

    [Fact]
    public void Find_SmallStoreWhoseLastSaleWanders_IsNeverIncomplete() => Assert.Empty(Find(bigLastHourToday: 18, smallLastHourToday: 9));

    [SharedDataFact]
    public async Task Find_OnlineRetail_20111209EndsAt1250AndIsIncomplete()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var date = new DateOnly(2011, 12, 9);

        var found = IncompleteDays.Find(data.On(date), data.BaselineHistory(date));

        var uk = Assert.Single(found);
        Assert.Equal(("store-uk", 12), (uk.StoreId, uk.LastSaleHour));
        Assert.True(uk.EarliestUsualLastHour >= 14, $"{uk.EarliestUsualLastHour}");
    }

    [SharedDataFact]
    public async Task Find_OnlineRetail_FlagsAtMostAFewDaysOfTheYear()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var flagged = new List<DateOnly>();
        for (var date = new DateOnly(2011, 2, 1); date <= new DateOnly(2011, 12, 8); date = date.AddDays(1))
        {
            if (IncompleteDays.Find(data.On(date), data.BaselineHistory(date)).Count > 0)
            {
                flagged.Add(date);
            }
        }

        // Measured: 2011-08-11 and 2011-10-13 (store-uk's last sale at 17h, its Thursdays usually run to 19h or later).
        Assert.True(flagged.Count <= 3, string.Join(", ", flagged));
    }
}
