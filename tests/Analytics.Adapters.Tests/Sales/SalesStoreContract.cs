using Analytics.Domain.Sales;
using static Analytics.Adapters.Tests.Sales.SalesSamples;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>What every <see cref="ISalesStore"/> adapter must do; each adapter's test class runs all of it.</summary>
public abstract partial class SalesStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected abstract ISalesStore Store { get; }

    /// <summary>Stages <paramref name="records"/> (all of one upload) and commits their store-days.</summary>
    protected Task SaveAsync(params StoreDayRecord[] records) => Store.SaveAsync(records[0].UploadId, records, None);

    protected Task StageAsync(params StoreDayRecord[] records) => Store.StageAsync(records[0].UploadId, records, None);

    protected Task CommitAsync(params StoreDayRecord[] records) =>
        Store.CommitAsync(records[0].UploadId, [.. records.Select(r => r.Key)], None);

    /// <summary>What every read returns for <paramref name="storeId"/> on <see cref="SalesSamples.Day"/>, WithSkus for the day.</summary>
    protected async Task<(StoreDaySummary? Day, StoreDaySummary? History, ChainDaySummary? Chain)> ReadAllAsync(string storeId = "store-0001")
    {
        var day = (await Store.GetDayAsync(Day, SalesDetail.WithSkus, None)).SingleOrDefault(s => s.StoreId == storeId);
        var history = (await Store.GetStoreHistoryAsync(storeId, Day, Day, None)).SingleOrDefault();
        var chain = (await Store.GetChainHistoryAsync(Day, Day, None)).SingleOrDefault();
        return (day, history, chain);
    }

    /// <summary>Every read shows exactly <paramref name="expected"/> for its store on <see cref="SalesSamples.Day"/> (the only store there).</summary>
    protected async Task AssertReadsAsync(StoreDayRecord expected)
    {
        var (day, history, chain) = await ReadAllAsync(expected.StoreId);
        SalesAssert.Equal(expected.Summary!, day!);
        SalesAssert.Equal(expected.Summary!.WithoutSkus(), history!);
        SalesAssert.Equal(SalesMerge.ChainDay(Day, [expected.Summary!]), chain!);
    }

    /// <summary>No read shows any sales on <see cref="SalesSamples.Day"/>.</summary>
    protected async Task AssertNothingReadAsync(string storeId = "store-0001")
    {
        var (day, history, chain) = await ReadAllAsync(storeId);
        Assert.Null(day);
        Assert.Null(history);
        Assert.Null(chain);
    }

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
        var record = Record("store-0001", Day, skuCount: 5);
        await SaveAsync(record);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));

        SalesAssert.Equal(record.Summary!, day);
        Assert.Equal(8747561.663m, day.Totals.GrossSales);
        Assert.Equal(0.001m, day.Totals.Discounts);
        Assert.Equal(0.001m, day.Hours[0].NetRevenue);
    }

    [Fact]
    public async Task GetDayAsync_RecordWithReturns_ReturnsEveryReturnFigureAtEveryDetail()
    {
        var record = RecordWithReturns("store-0001", Day);
        await SaveAsync(record);

        var withSkus = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
        var totals = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.Totals, None));
        var totalsOnly = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.TotalsOnly, None));

        SalesAssert.Equal(record.Summary!, withSkus);
        SalesAssert.Equal(record.Summary!.WithoutSkus(), totals);
        Assert.Equal(record.Summary!.Totals, totalsOnly.Totals);
        Assert.Equal((10.005m, 8747561.663m - 0.001m - 10.005m), (totalsOnly.Totals.Returns, totalsOnly.Totals.NetRevenue));
    }

    [Fact]
    public async Task Reads_StoresWithAndWithoutReturns_SumTheReturnsIntoTheChainDay()
    {
        var plain = Record("store-0001", Day);
        var returns = RecordWithReturns("store-0002", Day, upload: "a", factor: 2m);
        await SaveAsync(plain, returns);

        var day = await Store.GetDayAsync(Day, SalesDetail.WithSkus, None);
        var history = Assert.Single(await Store.GetStoreHistoryAsync("store-0002", Day, Day, None));
        var chain = Assert.Single(await Store.GetChainHistoryAsync(Day, Day, None));

        SalesAssert.Equal([plain.Summary!, returns.Summary!], day);
        SalesAssert.Equal(returns.Summary!.WithoutSkus(), history);
        Assert.Equal((20.010m, 2), (chain.Totals.Returns, chain.Totals.ReturnTransactions));
        Assert.Equal(plain.Summary!.Totals.NetRevenue + returns.Summary!.Totals.NetRevenue, chain.Totals.NetRevenue);
    }

    [Fact]
    public async Task GetDayAsync_TotalsOnly_ReturnsTheTotalsWithoutSkus()
    {
        await SaveAsync(Record("store-0001", Day, skuCount: 5, factor: 2m));

        var totals = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.Totals, None));
        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.TotalsOnly, None));

        Assert.Equal((totals.StoreId, totals.BusinessDate, totals.Currency, totals.Totals), (day.StoreId, day.BusinessDate, day.Currency, day.Totals));
        Assert.Empty(day.Skus);
    }

    [Fact]
    public async Task GetDayAsync_Totals_ReturnsEverythingButSkus()
    {
        var record = Record("store-0001", Day, skuCount: 5);
        await SaveAsync(record);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.Totals, None));

        SalesAssert.Equal(record.Summary!.WithoutSkus(), day);
    }

    [Fact]
    public async Task GetDayAsync_SeveralStoresAndDates_ReturnsThatDateOrderedByStore()
    {
        await SaveAsync(
            Record("store-0010", Day), Record("store-0002", Day), Record("store-0001", Day.AddDays(1)), Record("store-0001", Day.AddDays(-1)));

        var day = await Store.GetDayAsync(Day, SalesDetail.Totals, None);

        Assert.Equal(["store-0002", "store-0010"], day.Select(s => s.StoreId));
    }

    [Fact]
    public async Task SaveAsync_FiveThousandSkusWithLongNames_RoundTrips()
    {
        var record = Record("store-0001", Day, skuCount: 5000, skuNameLength: 200, seed: 11);

        await SaveAsync(record);

        var day = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
        SalesAssert.Equal(record.Summary!, day);
    }

    [Fact]
    public async Task StageAsync_NotCommitted_IsInvisibleToEveryRead()
    {
        await StageAsync(Record("store-0001", Day, skuCount: 4));

        await AssertNothingReadAsync();
        Assert.Empty(await Store.GetDayAsync(Day, SalesDetail.Totals, None));
        Assert.Empty(await Store.GetDayAsync(Day, SalesDetail.TotalsOnly, None));
    }

    [Fact]
    public async Task StageAsync_HigherRevisionNotCommitted_LeavesThePreviousRecordReadable()
    {
        var committed = Record("store-0001", Day, revision: 1, upload: "old", skuCount: 5000, skuNameLength: 200, seed: 3);
        await SaveAsync(committed);

        await StageAsync(Record("store-0001", Day, revision: 2, upload: "new", factor: 2m, skuCount: 2)); // then a crash

        await AssertReadsAsync(committed);
    }

    [Fact]
    public async Task CommitAsync_UploadOnSeveralDates_MakesEveryStoreDayVisibleAtOnce()
    {
        StoreDayRecord[] records =
        [
            Record("store-0001", Day.AddDays(-1)), Record("store-0001", Day), Record("store-0002", Day), Record("store-0001", Day.AddDays(1)),
        ];
        await Store.StageAsync(records[0].UploadId, records[..2], None);
        await Store.StageAsync(records[0].UploadId, records[2..], None);
        Assert.Empty(await Store.GetChainHistoryAsync(Day.AddDays(-1), Day.AddDays(1), None));

        await CommitAsync(records);

        var chain = await Store.GetChainHistoryAsync(Day.AddDays(-1), Day.AddDays(1), None);
        Assert.Equal([Day.AddDays(-1), Day, Day.AddDays(1)], chain.Select(c => c.BusinessDate));
        Assert.Equal([1, 2, 1], chain.Select(c => c.StoresTrading));
        SalesAssert.Equal([records[1].Summary!, records[2].Summary!], await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_TwoRevisions_TheHigherWinsWhateverTheCommitOrder(bool higherFirst)
    {
        var lower = Record("store-0001", Day, revision: 2, upload: "x", skuCount: 5000, skuNameLength: 200, seed: 5);
        var higher = Record("store-0001", Day, revision: 3, upload: "y", factor: 3m, skuCount: 4);
        await StageAsync(lower);
        await StageAsync(higher);

        await CommitAsync(higherFirst ? higher : lower);
        await CommitAsync(higherFirst ? lower : higher);

        await AssertReadsAsync(higher);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_EqualRevisions_TheHigherUploadIdWins(bool higherFirst)
    {
        var low = Record("store-0001", Day, revision: 4, factor: 1m) with { UploadId = "0000000000000009" };
        var high = Record("store-0001", Day, revision: 4, factor: 2m) with { UploadId = "000000000000000a" };

        await SaveAsync(higherFirst ? high : low);
        await SaveAsync(higherFirst ? low : high);

        await AssertReadsAsync(high);
    }

    [Fact]
    public async Task Reads_LowerRevisionCommittedAfterAHigherOne_ChangeNothing()
    {
        var higher = Record("store-0001", Day, revision: 5, upload: "y", factor: 2m);
        await SaveAsync(higher);

        await SaveAsync(Record("store-0001", Day, revision: 4, upload: "x", skuCount: 6));

        await AssertReadsAsync(higher);
    }

    [Fact]
    public async Task Reads_WithdrawnStoreDay_IsHiddenUntilAHigherRevisionBringsItBack()
    {
        await SaveAsync(Record("store-0001", Day, revision: 1, upload: "a"), Record("store-0002", Day, revision: 1, upload: "a"));
        await SaveAsync(Withdrawal("store-0001", Day, revision: 2, upload: "b"));

        Assert.Empty(await Store.GetStoreHistoryAsync("store-0001", Day, Day, None));
        Assert.Equal(["store-0002"], (await Store.GetDayAsync(Day, SalesDetail.Totals, None)).Select(s => s.StoreId));
        Assert.Equal(1, Assert.Single(await Store.GetChainHistoryAsync(Day, Day, None)).StoresTrading);

        var back = Record("store-0001", Day, revision: 3, upload: "c", factor: 2m);
        await SaveAsync(back);

        var (day, history, chain) = await ReadAllAsync();
        SalesAssert.Equal(back.Summary!, day!);
        SalesAssert.Equal(back.Summary!.WithoutSkus(), history!);
        Assert.Equal(2, chain!.StoresTrading);
    }

    [Fact]
    public async Task Reads_WithdrawalOfTheOnlyStore_LeavesNoChainDay()
    {
        await SaveAsync(Record("store-0001", Day, revision: 1, upload: "a"));

        await SaveAsync(Withdrawal("store-0001", Day, revision: 2, upload: "b"));

        await AssertNothingReadAsync();
        Assert.Empty(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
    }

    [Fact]
    public async Task StageAsync_SameRecordAgainBeforeAndAfterCommit_EqualsOneSave()
    {
        var record = Record("store-0001", Day, revision: 2, skuCount: 5000, skuNameLength: 200, seed: 9);
        await StageAsync(record);
        await StageAsync(record);
        await CommitAsync(record);

        await StageAsync(record); // a retried step after its commit
        await CommitAsync(record);

        await AssertReadsAsync(record);
    }

    [Fact]
    public async Task CommitAsync_Again_EqualsOneCommit()
    {
        var old = Record("store-0001", Day, revision: 1, upload: "old", skuCount: 5);
        var @new = Record("store-0001", Day, revision: 2, upload: "new", factor: 2m, skuCount: 3);
        await SaveAsync(old);
        await SaveAsync(@new);

        await CommitAsync(@new);
        await CommitAsync(old);

        await AssertReadsAsync(@new);
    }

    [Fact]
    public async Task CommitAsync_StoreDaysItDidNotStage_ChangesNothing()
    {
        var record = Record("store-0001", Day, revision: 3);
        await SaveAsync(record);

        await Store.CommitAsync(UploadId("other"), [record.Key, new StoreDayKey(Day.AddDays(1), "store-0001")], None);
        await Store.CommitAsync(UploadId("other"), [], None);

        await AssertReadsAsync(record);
        Assert.Empty(await Store.GetDayAsync(Day.AddDays(1), SalesDetail.Totals, None));
    }

    [Fact]
    public async Task GetStoreHistoryAsync_Range_InclusiveAtBothEndsLatestAndOnlyThatStore()
    {
        var days = Enumerable.Range(-2, 5).Select(Day.AddDays).ToArray(); // 13th to 17th
        await SaveAsync([.. days.Select(d => Record("store-0001", d, upload: "a"))]);
        var corrected = Record("store-0001", Day, revision: 2, upload: "b", factor: 2m);
        await SaveAsync(corrected, Record("store-0002", Day, upload: "b"), Record("store-00010", Day, upload: "b"), Record("store-0001x", Day, upload: "b"));
        await StageAsync(Record("store-0001", days[3], revision: 2, upload: "c", factor: 5m)); // never committed

        var history = await Store.GetStoreHistoryAsync("store-0001", days[1], days[3], None);

        Assert.Equal(days[1..4], history.Select(h => h.BusinessDate));
        SalesAssert.Equal(Summary("store-0001", days[1]).WithoutSkus(), history[0]);
        SalesAssert.Equal(corrected.Summary!.WithoutSkus(), history[1]);
        SalesAssert.Equal(Summary("store-0001", days[3]).WithoutSkus(), history[2]);
        Assert.All(history, h => Assert.Empty(h.Skus));
    }

    [Fact]
    public async Task GetChainHistoryAsync_Range_SumsStoresPerDateInclusiveAtBothEnds()
    {
        StoreDayRecord[] records =
        [
            Record("store-0001", Day.AddDays(-1)), // before the range
            Record("store-0001", Day), Record("store-0002", Day, factor: 3m),
            Record("store-0002", Day.AddDays(2)),
            Record("store-0003", Day.AddDays(3)), // after the range
        ];
        await SaveAsync(records);

        var history = await Store.GetChainHistoryAsync(Day, Day.AddDays(2), None);

        Assert.Equal([Day, Day.AddDays(2)], history.Select(h => h.BusinessDate));
        SalesAssert.Equal(SalesMerge.ChainDay(Day, [records[1].Summary!, records[2].Summary!]), history[0]);
        SalesAssert.Equal(SalesMerge.ChainDay(Day.AddDays(2), [records[3].Summary!]), history[1]);
        Assert.Equal(2, history[0].StoresTrading);
        Assert.Equal(8747561.663m * 4, history[0].Totals.GrossSales);
    }

    [Fact]
    public async Task Reads_ReversedRange_ReturnEmpty()
    {
        await SaveAsync(Record("store-0001", Day));

        Assert.Empty(await Store.GetStoreHistoryAsync("store-0001", Day.AddDays(1), Day.AddDays(-1), None));
        Assert.Empty(await Store.GetChainHistoryAsync(Day.AddDays(1), Day.AddDays(-1), None));
    }
}
