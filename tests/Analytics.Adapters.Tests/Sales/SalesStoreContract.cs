using Analytics.Domain.Sales;
using static Analytics.Adapters.Tests.Sales.SalesSamples;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>What every <see cref="ISalesStore"/> adapter must do; each adapter's test class runs all of it.</summary>
public abstract class SalesStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected abstract ISalesStore Store { get; }

    [Fact]
    public async Task Reads_NothingSaved_ReturnEmpty()
    {
        Assert.Empty(await Store.GetDayAsync(Day, SalesDetail.Totals, None));
        Assert.Empty(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
        Assert.Empty(await Store.GetStoreHistoryAsync("store-0001", Day.AddDays(-30), Day, None));
        Assert.Empty(await Store.GetChainHistoryAsync(Day.AddDays(-30), Day, None));
    }

    [Fact]
    public async Task GetDayAsync_WithSkus_ReturnsExactFiguresAndSkus()
    {
        var contribution = Contribution("store-0001", Day, skuCount: 5);
        await Store.SaveAsync([contribution], None);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));

        SalesAssert.Equal(contribution.Summary, day);
        Assert.Equal(8747561.663m, day.Totals.GrossSales);
        Assert.Equal(0.001m, day.Totals.Discounts);
        Assert.Equal(0.001m, day.Hours[0].NetRevenue);
    }

    [Fact]
    public async Task GetDayAsync_ContributionWithReturns_ReturnsEveryReturnFigureAtEveryDetail()
    {
        var contribution = ContributionWithReturns("store-0001", Day);
        await Store.SaveAsync([contribution], None);

        var withSkus = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
        var totals = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.Totals, None));
        var totalsOnly = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.TotalsOnly, None));

        SalesAssert.Equal(contribution.Summary, withSkus);
        SalesAssert.Equal(contribution.Summary.WithoutSkus(), totals);
        Assert.Equal(contribution.Summary.Totals, totalsOnly.Totals);
        Assert.Equal((10.005m, 8747561.663m - 0.001m - 10.005m), (totalsOnly.Totals.Returns, totalsOnly.Totals.NetRevenue));
    }

    [Fact]
    public async Task Reads_ContributionsWithAndWithoutReturns_MergeTheReturns()
    {
        await Store.SaveAsync([Contribution("store-0001", Day), ContributionWithReturns("store-0001", Day, factor: 2m),
                               ContributionWithReturns("store-0002", Day)], None);

        var day = await Store.GetDayAsync(Day, SalesDetail.WithSkus, None);
        var history = Assert.Single(await Store.GetStoreHistoryAsync("store-0001", Day, Day, None));
        var chain = Assert.Single(await Store.GetChainHistoryAsync(Day, Day, None));

        var merged = SalesMerge.StoreDay([Summary("store-0001", Day), WithReturns(Summary("store-0001", Day, 2m), 2m)]);
        SalesAssert.Equal(merged, day[0]);
        SalesAssert.Equal(merged.WithoutSkus(), history);
        Assert.Equal((20.010m, 2), (day[0].Totals.Returns, day[0].Totals.ReturnTransactions));
        Assert.Equal((30.015m, 4), (chain.Totals.Returns, chain.Totals.ReturnTransactions));
        Assert.Equal(merged.Totals.NetRevenue + day[1].Totals.NetRevenue, chain.Totals.NetRevenue);
    }

    [Fact]
    public async Task GetDayAsync_TotalsOnly_ReturnsTheTotalsWithoutSkus()
    {
        await Store.SaveAsync([Contribution("store-0001", Day, skuCount: 5), Contribution("store-0001", Day, name: "b", factor: 2m)], None);

        var totals = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.Totals, None));
        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.TotalsOnly, None));

        Assert.Equal((totals.StoreId, totals.BusinessDate, totals.Currency, totals.Totals), (day.StoreId, day.BusinessDate, day.Currency, day.Totals));
        Assert.Empty(day.Skus);
    }

    [Fact]
    public async Task GetDayAsync_Totals_ReturnsEverythingButSkus()
    {
        var contribution = Contribution("store-0001", Day, skuCount: 5);
        await Store.SaveAsync([contribution], None);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.Totals, None));

        SalesAssert.Equal(contribution.Summary.WithoutSkus(), day);
    }

    [Fact]
    public async Task GetDayAsync_SeveralStoresAndDates_ReturnsThatDateOrderedByStore()
    {
        await Store.SaveAsync(
        [
            Contribution("store-0010", Day), Contribution("store-0002", Day), Contribution("store-0001", Day.AddDays(1)),
            Contribution("store-0001", Day.AddDays(-1)),
        ], None);

        var day = await Store.GetDayAsync(Day, SalesDetail.Totals, None);

        Assert.Equal(["store-0002", "store-0010"], day.Select(s => s.StoreId));
    }

    [Fact]
    public async Task GetDayAsync_TwoContributionsOfOneStoreDay_Merges()
    {
        var first = Contribution("store-0001", Day, "first", factor: 1m, skuCount: 4, seed: 1);
        var second = Contribution("store-0001", Day, "second", factor: 2m, skuCount: 6, seed: 2);
        await Store.SaveAsync([first], None);
        await Store.SaveAsync([second], None);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));

        SalesAssert.Equal(SalesMerge.StoreDay([first.Summary, second.Summary]), day);
        Assert.Equal(26242684.989m, day.Totals.GrossSales);
    }

    [Fact]
    public async Task SaveAsync_SameContributionsThreeTimes_EqualsOneSave()
    {
        StoreDayContribution[] contributions =
            [Contribution("store-0001", Day, "a"), Contribution("store-0001", Day, "b", factor: 3m), Contribution("store-0002", Day)];
        for (var i = 0; i < 3; i++)
        {
            await Store.SaveAsync(contributions, None);
        }

        var day = await Store.GetDayAsync(Day, SalesDetail.WithSkus, None);

        SalesAssert.Equal(
            [SalesMerge.StoreDay([contributions[0].Summary, contributions[1].Summary]), contributions[2].Summary], day);
    }

    [Fact]
    public async Task SaveAsync_RetriedAfterHalfOfASave_EqualsOneCleanSave()
    {
        StoreDayContribution[] contributions =
        [
            Contribution("store-0001", Day, "a", skuCount: 3), Contribution("store-0001", Day, "b", factor: 2m, skuCount: 2),
            Contribution("store-0002", Day, "c", skuCount: 4),
        ];
        await Store.SaveAsync(contributions[..1], None); // what a save that failed half-way may have left

        await Store.SaveAsync(contributions, None);

        var day = await Store.GetDayAsync(Day, SalesDetail.WithSkus, None);
        SalesAssert.Equal(
            [SalesMerge.StoreDay([contributions[0].Summary, contributions[1].Summary]), contributions[2].Summary], day);
    }

    [Fact]
    public async Task SaveAsync_ContributionReplacedByFewerSkus_ReadsOnlyTheNewVersion()
    {
        var original = Contribution("store-0001", Day, "a", skuCount: 5000, skuNameLength: 200, seed: 7);
        var replacement = Contribution("store-0001", Day, "a", factor: 2m, skuCount: 2);
        await Store.SaveAsync([original], None);

        await Store.SaveAsync([replacement], None);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
        SalesAssert.Equal(replacement.Summary, day);
    }

    [Fact]
    public async Task SaveAsync_FiveThousandSkusWithLongNames_RoundTrips()
    {
        var contribution = Contribution("store-0001", Day, skuCount: 5000, skuNameLength: 200, seed: 11);

        await Store.SaveAsync([contribution], None);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
        SalesAssert.Equal(contribution.Summary, day);
    }

    [Fact]
    public async Task GetStoreHistoryAsync_Range_InclusiveAtBothEndsMergedAndOnlyThatStore()
    {
        var days = Enumerable.Range(-2, 5).Select(Day.AddDays).ToArray(); // 13th to 17th
        await Store.SaveAsync([.. days.Select(d => Contribution("store-0001", d, "a"))], None);
        var extra = Contribution("store-0001", Day, "b", factor: 2m);
        await Store.SaveAsync([extra, Contribution("store-0002", Day), Contribution("store-00010", Day), Contribution("store-0001x", Day)], None);

        var history = await Store.GetStoreHistoryAsync("store-0001", days[1], days[3], None);

        Assert.Equal(days[1..4], history.Select(h => h.BusinessDate));
        SalesAssert.Equal(Summary("store-0001", days[1]).WithoutSkus(), history[0]);
        SalesAssert.Equal(SalesMerge.StoreDay([Summary("store-0001", Day), extra.Summary]).WithoutSkus(), history[1]);
        Assert.All(history, h => Assert.Empty(h.Skus));
    }

    [Fact]
    public async Task GetChainHistoryAsync_Range_SumsStoresPerDateInclusiveAtBothEnds()
    {
        StoreDayContribution[] contributions =
        [
            Contribution("store-0001", Day.AddDays(-1)), // before the range
            Contribution("store-0001", Day, "a"), Contribution("store-0001", Day, "b", factor: 2m), Contribution("store-0002", Day, factor: 3m),
            Contribution("store-0002", Day.AddDays(2)),
            Contribution("store-0003", Day.AddDays(3)), // after the range
        ];
        await Store.SaveAsync(contributions, None);

        var history = await Store.GetChainHistoryAsync(Day, Day.AddDays(2), None);

        Assert.Equal([Day, Day.AddDays(2)], history.Select(h => h.BusinessDate));
        var store1 = SalesMerge.StoreDay([contributions[1].Summary, contributions[2].Summary]);
        SalesAssert.Equal(SalesMerge.ChainDay(Day, [store1, contributions[3].Summary]), history[0]);
        SalesAssert.Equal(SalesMerge.ChainDay(Day.AddDays(2), [contributions[4].Summary]), history[1]);
        Assert.Equal(2, history[0].StoresTrading);
        Assert.Equal(8747561.663m * 6, history[0].Totals.GrossSales);
    }

    [Fact]
    public async Task Reads_ReversedRange_ReturnEmpty()
    {
        await Store.SaveAsync([Contribution("store-0001", Day)], None);

        Assert.Empty(await Store.GetStoreHistoryAsync("store-0001", Day.AddDays(1), Day.AddDays(-1), None));
        Assert.Empty(await Store.GetChainHistoryAsync(Day.AddDays(1), Day.AddDays(-1), None));
    }
}
