using System.Text;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>The files of one store-day, oldest first, fold into the day the store's last word leaves.</summary>
public sealed class StoreDayFoldTests
{
    [Fact]
    public async Task Fold_SameFileTwice_CountsItOnce()
    {
        var morning = Day(Sale("T1", 10m), Sale("T2", 20m));

        Assert.Equal(await TotalsAsync(morning), await FoldedAsync(morning, morning));
    }

    [Fact]
    public async Task Fold_CumulativeReExport_CountsEachTransactionOnce()
    {
        var folded = await FoldedAsync(Day(Sale("T1", 10m), Sale("T2", 20m), Sale("T3", 30m)),
                                       Day(Sale("T1", 10m), Sale("T2", 20m), Sale("T3", 30m), Sale("T4", 40m)));

        Assert.Equal((4, 100m), (folded.Transactions, folded.NetRevenue));
    }

    [Fact]
    public async Task Fold_IntradayBatches_AddUp()
    {
        var folded = await FoldedAsync(Day(Sale("T1", 10m)), Day(Sale("T2", 20m)), Day(Sale("T3", 30m)));

        Assert.Equal((3, 60m), (folded.Transactions, folded.NetRevenue));
    }

    [Fact]
    public async Task Fold_CorrectedTransaction_LaterVersionReplacesTheEarlier()
    {
        var folded = await FoldedAsync(Day(Sale("T1", 10m), Sale("T2", 20m)), Day(Sale("T2", 25m)));

        Assert.Equal((2, 35m), (folded.Transactions, folded.NetRevenue));
    }

    [Fact]
    public async Task Fold_ReturnsByTheirIds_CorrectedAndCountedOnce()
    {
        var folded = await FoldedAsync(Day([Sale("T1", 50m)], [Refund("R1", 5m)]), Day([], [Refund("R1", 7m), Refund("R2", 3m)]));

        Assert.Equal((1, 2, 10m, 40m), (folded.Transactions, folded.ReturnTransactions, folded.Returns, folded.NetRevenue));
    }

    [Fact]
    public async Task Fold_Replace_DropsWhatItDoesNotHold()
    {
        var folded = await FoldedAsync(Day(Sale("T1", 10m), Sale("T2", 20m)), Day(StoreDayAction.Replace, [Sale("T2", 20m), Sale("T3", 5m)], []),
                                       Day(Sale("T4", 1m)));

        Assert.Equal((3, 26m), (folded.Transactions, folded.NetRevenue));
    }

    [Fact]
    public void Fold_Withdrawal_LeavesNothing()
    {
        var result = Fold(Day(Sale("T1", 10m)), Day(StoreDayAction.Withdraw, [], []));

        Assert.Equal((null, null), (result.StoreDay, result.Conflict));
    }

    [Fact]
    public async Task Fold_SalesAfterAWithdrawal_CountOnTheirOwn()
    {
        var folded = await FoldedAsync(Day(Sale("T1", 10m)), Day(StoreDayAction.Withdraw, [], []), Day(Sale("T2", 2m)));

        Assert.Equal((1, 2m), (folded.Transactions, folded.NetRevenue));
    }

    [Fact]
    public void Fold_AnotherCurrencyMerged_IsAConflictNamingBoth()
    {
        var result = Fold(Day(Sale("T1", 10m)), Day(Sale("T2", 10m)).Replace("\"USD\"", "\"EUR\"", StringComparison.Ordinal));

        Assert.Null(result.StoreDay);
        Assert.Contains("USD", result.Conflict, StringComparison.Ordinal);
        Assert.Contains("EUR", result.Conflict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fold_AnotherCurrencyReplacingTheDay_IsTaken()
    {
        var euros = Day(StoreDayAction.Replace, [Sale("T1", 9m)], []).Replace("\"USD\"", "\"EUR\"", StringComparison.Ordinal);

        var result = Fold(Day(Sale("T1", 10m)), euros);

        var (_, emitted) = await UploadReaderHarness.ReadAsync(Encoding.UTF8.GetString(result.StoreDay!));
        Assert.Equal(("EUR", 9m), (emitted[0].Summary.Currency, emitted[0].Summary.Totals.NetRevenue));
    }

    [Fact]
    public async Task Fold_VersionOneAndVersionTwo_FoldTogether()
    {
        var folded = await FoldedAsync(MalformedUploads.Valid, MalformedUploads.ValidWithReturns);

        Assert.Equal(await TotalsAsync(MalformedUploads.ValidWithReturns), folded);
    }

    private static async Task<SalesTotals> FoldedAsync(params string[] storeDays)
    {
        var result = Fold(storeDays);
        Assert.Null(result.Conflict);
        return await TotalsAsync(Encoding.UTF8.GetString(result.StoreDay!));
    }

    private static StoreDayFoldResult Fold(params string[] storeDays) =>
        StoreDayFold.Fold([.. storeDays.Select(d => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(d))]);

    private static async Task<SalesTotals> TotalsAsync(string storeDay)
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(storeDay);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return Assert.Single(emitted).Summary.Totals;
    }

    private static string Day(params string[] sales) => Day(StoreDayAction.Merge, sales, []);

    private static string Day(string[] sales, string[] refunds) => Day(StoreDayAction.Merge, sales, refunds);

    private static string Day(StoreDayAction action, string[] sales, string[] refunds) =>
        $$"""{"schema_version":2,"store_id":"store-1","business_date":"2025-01-15","currency":"USD","action":"{{action.ToString().ToLowerInvariant()}}","transactions":[{{string.Join(",", sales)}}],"returns":[{{string.Join(",", refunds)}}]}""";

    private static string Sale(string id, decimal amount) =>
        $$"""{"transaction_id":"{{id}}","timestamp":"2025-01-15T10:00:00Z","payment_method":"card","items":[{"sku":"S","name":"N","category":"C","quantity":1,"unit_price":{{amount}}}]}""";

    private static string Refund(string id, decimal amount) =>
        $$"""{"return_id":"{{id}}","timestamp":"2025-01-15T11:00:00Z","payment_method":"card","items":[{"sku":"S","name":"N","category":"C","quantity":1,"unit_price":{{amount}}}]}""";
}
