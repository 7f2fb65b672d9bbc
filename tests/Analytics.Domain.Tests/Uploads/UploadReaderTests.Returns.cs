using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>Format v2: returns are read beside the sales and booked as refunds on the store-day they happen.</summary>
public sealed partial class UploadReaderTests
{
    /// <summary>Two v2 store-days: one with its returns written before its transactions (which the scanner then reads),
    /// one of returns only, refunding sales of earlier days and of another store.</summary>
    internal const string ReturnsFirst = """
        [
          {"schema_version":2,"store_id":"store-0042","business_date":"2025-01-16","currency":"USD","time_zone":"America/New_York",
           "returns":[
            {"return_id":"R-1","timestamp":"2025-01-16T10:05:00-05:00","payment_method":"card",
             "original":{"transaction_id":"T-1","business_date":"2025-01-15"},"items":[
              {"sku":"SKU-1","name":"Espresso Beans 1kg","category":"Coffee","quantity":1,"unit_price":18.505,"discount":0.505},
              {"sku":"SKU-7","name":"Mug","category":"Kitchen","quantity":2,"unit_price":4.25}]},
            {"return_id":"R-2","timestamp":"2025-01-16T15:00:00Z","payment_method":"voucher","items":[
              {"sku":"SKU-1","name":"Espresso Beans 1kg","category":"Coffee","quantity":1,"unit_price":18.505}]}],
           "transactions":[
            {"transaction_id":"T-5","timestamp":"2025-01-16T10:30:00-05:00","payment_method":"card","items":[
              {"sku":"SKU-1","name":"Espresso Beans 1kg","category":"Coffee","quantity":3,"unit_price":18.505,"discount":0}]}]},
          {"schema_version":2,"store_id":"store-0043","business_date":"2025-01-16","currency":"EUR",
           "returns":[
            {"return_id":"R-9","timestamp":"2025-01-16T09:00:00+01:00","payment_method":"cash",
             "original":{"transaction_id":"T-9","business_date":"2025-01-16","store_id":"store-0042"},"items":[
              {"sku":"SKU-9","name":"Tea","category":"Coffee","quantity":10,"unit_price":0.999,"discount":0.99}]}]}
        ]
        """;

    [Fact]
    public async Task ReadAsync_SaleAndItsReturn_BooksTheRefundBesideTheSale()
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(MalformedUploads.ValidWithReturns);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal((1, 1, 2L, 18.50m), (result.StoreDays, result.Transactions, result.Units, result.NetRevenue));
        var contribution = Assert.Single(emitted);
        Assert.Equal(ExpectedId(["T-1"], ["R-1"]), contribution.ContributionId);
        var day = contribution.Summary;
        Assert.Equal(new SalesTotals(1, 2, 1, 37.00m, 0m, ReturnTransactions: 1, UnitsReturned: 1, ReturnLines: 1, Returns: 18.50m), day.Totals);
        Assert.Equal((37.00m, 18.50m, 0.5m), (day.Totals.NetSales, day.Totals.NetRevenue, day.Totals.ReturnRate));
        Assert.Equal([new HourSales(9, 1, 2, 37.00m), new HourSales(16, 0, 0, -18.50m, 1, 1, 18.50m)], day.Hours);
        Assert.Equal([new CategorySales("Coffee", 1, 2, 1, 37.00m, 0m, 1, 1, 1, 18.50m)], day.Categories);
        Assert.Equal([new PaymentMethodSales("card", 1, 37.00m), new PaymentMethodSales("cash", 0, -18.50m, 1, 18.50m)], day.PaymentMethods);
        Assert.Equal([new SkuSales("SKU-1", "Beans", "Coffee", 2, 1, 37.00m, 0m, 1, 1, 18.50m)], day.Skus);
    }

    [Fact]
    public async Task ReadAsync_ReturnsBeforeTransactionsAndReturnsOnly_AggregatesEveryFigure()
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(ReturnsFirst);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, emitted.Count);
        // store-0042: R-1 refunds 18.000 + 8.50 at 10:05, R-2 18.505 at 10:00 New York time; T-5 sells 55.515 at 10:30.
        var mixed = emitted[0].Summary;
        Assert.Equal(ExpectedId(["T-5"], ["R-1", "R-2"]), emitted[0].ContributionId);
        Assert.Equal(new SalesTotals(1, 3, 1, 55.515m, 0m, 2, 4, 3, 45.005m), mixed.Totals);
        Assert.Equal(10.510m, mixed.Totals.NetRevenue);
        Assert.Equal([new HourSales(10, 1, 3, 10.510m, 2, 4, 45.005m)], mixed.Hours);
        Assert.Equal(
            [
                new CategorySales("Coffee", 1, 3, 1, 55.515m, 0m, 2, 2, 2, 36.505m),
                new CategorySales("Kitchen", 0, 0, 0, 0m, 0m, 1, 2, 1, 8.50m),
            ],
            mixed.Categories);
        Assert.Equal(
            [new PaymentMethodSales("card", 1, 29.015m, 1, 26.50m), new PaymentMethodSales("voucher", 0, -18.505m, 1, 18.505m)],
            mixed.PaymentMethods);
        Assert.Equal(
            [
                new SkuSales("SKU-1", "Espresso Beans 1kg", "Coffee", 3, 1, 55.515m, 0m, 2, 2, 36.505m),
                new SkuSales("SKU-7", "Mug", "Kitchen", 0, 0, 0m, 0m, 2, 1, 8.50m),
            ],
            mixed.Skus);

        // store-0043: returns only, so no sale transaction; the return's original is another store's.
        var refundsOnly = emitted[1].Summary;
        Assert.Equal(ExpectedId([], ["R-9"]), emitted[1].ContributionId);
        Assert.Equal(new SalesTotals(0, 0, 0, 0m, 0m, 1, 10, 1, 9.000m), refundsOnly.Totals);
        Assert.Equal((-9.000m, 0m, 0m), (refundsOnly.Totals.NetRevenue, refundsOnly.Totals.ReturnRate, refundsOnly.Totals.AverageBasket));
        Assert.Equal([new HourSales(9, 0, 0, -9.000m, 1, 10, 9.000m)], refundsOnly.Hours);
        Assert.Equal((2, 1, 3L, 1.510m), (result.StoreDays, result.Transactions, result.Units, result.NetRevenue));
    }

    [Fact]
    public async Task ReadAsync_VersionTwoWithoutReturns_KeepsTheVersionOneContributionId()
    {
        var (_, v1) = await UploadReaderHarness.ReadAsync(MalformedUploads.Valid);
        var (result, v2) = await UploadReaderHarness.ReadAsync(MalformedUploads.Valid.Replace("\"schema_version\":1", "\"schema_version\":2", StringComparison.Ordinal));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var (before, after) = (Assert.Single(v1), Assert.Single(v2));
        Assert.Equal(before.ContributionId, after.ContributionId);
        Assert.Equal(before.Summary.Totals, after.Summary.Totals);
        Assert.Equal(before.Summary.Hours, after.Summary.Hours);
        Assert.Equal(before.Summary.Skus, after.Summary.Skus);
    }

    [Fact]
    public async Task ReadAsync_ReturnOfASaleInAnotherFileOfTheDay_IsTakenAsWritten()
    {
        var json = MalformedUploads.ValidWithReturns[..MalformedUploads.ValidWithReturns.IndexOf("\"transactions\"", StringComparison.Ordinal)]
                   + MalformedUploads.ValidWithReturns[MalformedUploads.ValidWithReturns.IndexOf("\"returns\"", StringComparison.Ordinal)..];

        var (result, emitted) = await UploadReaderHarness.ReadAsync(json);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(-18.50m, Assert.Single(emitted).Summary.Totals.NetRevenue);
    }

    /// <summary>The contribution id of docs/upload-format.md: sorted transaction ids, then (when there are returns)
    /// a 1 byte and the sorted return ids, each id followed by a 0 byte.</summary>
    private static string ExpectedId(string[] transactionIds, string[] returnIds)
    {
        var bytes = new List<byte>();
        foreach (var id in transactionIds.Order(StringComparer.Ordinal))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(id));
            bytes.Add(0);
        }

        bytes.Add(1);
        foreach (var id in returnIds.Order(StringComparer.Ordinal))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(id));
            bytes.Add(0);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()))[..32];
    }
}
