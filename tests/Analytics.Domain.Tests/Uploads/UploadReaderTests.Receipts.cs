using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>Each store-day keeps its largest sales and returns, so that the analysis can name an unusual order.</summary>
public sealed partial class UploadReaderTests
{
    /// <summary>Five sales (T-3 and T-4 of equal net) and two returns, in a store-day with a time zone.</summary>
    private const string ManyReceipts = """
        {"schema_version":2,"store_id":"s-1","business_date":"2025-01-15","currency":"USD","time_zone":"America/New_York","transactions":[
         {"transaction_id":"T-1","timestamp":"2025-01-15T09:00:00-05:00","payment_method":"card","items":[
          {"sku":"K1","name":"Tea","category":"Drinks","quantity":1,"unit_price":2.5,"discount":0}]},
         {"transaction_id":"T-2","timestamp":"2025-01-15T15:12:33Z","payment_method":"card","items":[
          {"sku":"K1","name":"Tea","category":"Drinks","quantity":4,"unit_price":2.5,"discount":0},
          {"sku":"K2","name":"Pot","category":"Home","quantity":2,"unit_price":30.125,"discount":0.25},
          {"sku":"K3","name":"Cup","category":"Home","quantity":1,"unit_price":9,"discount":0}]},
         {"transaction_id":"T-3","timestamp":"2025-01-15T11:00:00-05:00","payment_method":"cash","items":[
          {"sku":"K3","name":"Cup","category":"Home","quantity":2,"unit_price":9,"discount":0}]},
         {"transaction_id":"T-4","timestamp":"2025-01-15T12:00:00-05:00","payment_method":"cash","items":[
          {"sku":"K1","name":"Tea","category":"Drinks","quantity":2,"unit_price":9,"discount":0}]},
         {"transaction_id":"T-\u0035","timestamp":"2025-01-15T13:00:00-05:00","payment_method":"card","items":[
          {"sku":"K1","name":"Tea","category":"Drinks","quantity":1,"unit_price":1,"discount":0}]}],
         "returns":[
         {"return_id":"R-1","timestamp":"2025-01-15T15:30:00-05:00","payment_method":"card","original":{"transaction_id":"T-2","business_date":"2025-01-15"},"items":[
          {"sku":"K2","name":"Pot","category":"Home","quantity":2,"unit_price":30.125,"discount":0.25}]},
         {"return_id":"R-2","timestamp":"2025-01-15T16:00:00-05:00","payment_method":"card","items":[
          {"sku":"K1","name":"Tea","category":"Drinks","quantity":1,"unit_price":2.5}]}]}
        """;

    [Fact]
    public async Task ReadAsync_StoreDay_KeepsItsLargestSalesWithTheirLargestLine()
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(ManyReceipts);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var summary = Assert.Single(emitted).Summary;
        var newYork = TimeSpan.FromHours(-5);
        Assert.Equal(
            [
                new ReceiptSummary("T-2", new DateTimeOffset(2025, 1, 15, 10, 12, 33, newYork), 79.00m, 7, 3,
                                   new ReceiptLine("K2", "Pot", "Home", 2, 30.125m, 60.00m), 69.00m),
                new ReceiptSummary("T-3", new DateTimeOffset(2025, 1, 15, 11, 0, 0, newYork), 18m, 2, 1, new ReceiptLine("K3", "Cup", "Home", 2, 9m, 18m), 18m),
                new ReceiptSummary("T-4", new DateTimeOffset(2025, 1, 15, 12, 0, 0, newYork), 18m, 2, 1, new ReceiptLine("K1", "Tea", "Drinks", 2, 9m, 18m), 18m),
            ],
            summary.LargestSales);
        Assert.Equal(StoreDaySummary.MaxLargestReceipts, summary.LargestSales.Count);
    }

    [Fact]
    public async Task ReadAsync_StoreDay_KeepsItsLargestReturnsByRefund()
    {
        var (_, emitted) = await UploadReaderHarness.ReadAsync(ManyReceipts);

        Assert.Equal(["R-1", "R-2"], Assert.Single(emitted).Summary.LargestReturns.Select(r => r.Id));
        Assert.Equal(new ReceiptLine("K2", "Pot", "Home", 2, 30.125m, 60.00m), Assert.Single(emitted).Summary.LargestReturns[0].TopLine);
        Assert.Equal((60.00m, 60.00m), (Assert.Single(emitted).Summary.LargestReturns[0].Amount, Assert.Single(emitted).Summary.LargestReturns[0].TopCategoryAmount));
    }

    [Fact]
    public async Task ReadAsync_LargestReceipts_AreTheSameWhenTheStateMachineReadsAlone()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(ManyReceipts);

        var scanned = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes));
        var alone = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false);

        Assert.True(scanned.Result.Scanned.Transactions > 0, "the scanner read none of the transactions");
        Assert.Equal(alone.Emitted.Single().Summary.LargestSales, scanned.Emitted.Single().Summary.LargestSales);
        Assert.Equal(alone.Emitted.Single().Summary.LargestReturns, scanned.Emitted.Single().Summary.LargestReturns);
    }

    [Fact]
    public async Task ReadAsync_StoreDay_CountsItsReturnsThatNameNoOriginalSale_TheScannerAsTheStateMachine()
    {
        // R-1 refunds yesterday's T-9; name no sale: 2.50 and 60.25 less 0.25.
        const string upload = """
            {"schema_version":2,"store_id":"s-1","business_date":"2025-01-15","currency":"USD","returns":[
             {"return_id":"R-1","timestamp":"2025-01-15T10:00:00-05:00","payment_method":"card","original":{"transaction_id":"T-9","business_date":"2025-01-14"},"items":[
              {"sku":"K1","name":"Tea","category":"Drinks","quantity":4,"unit_price":2.5,"discount":0}]},
             {"return_id":"R-2","timestamp":"2025-01-15T11:00:00-05:00","payment_method":"card","items":[
              {"sku":"K1","name":"Tea","category":"Drinks","quantity":1,"unit_price":2.5,"discount":0}]},
             {"return_id":"R-3","timestamp":"2025-01-15T12:00:00-05:00","payment_method":"cash","items":[
              {"sku":"K2","name":"Pot","category":"Home","quantity":2,"unit_price":30.125,"discount":0.25}]}]}
            """;
        var bytes = System.Text.Encoding.UTF8.GetBytes(upload);

        var scanned = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes));
        var alone = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false);

        Assert.Equal(3, scanned.Result.Scanned.Returns);
        foreach (var summary in new[] { scanned.Emitted.Single().Summary, alone.Emitted.Single().Summary })
        {
            Assert.Equal((2, 62.50m), (summary.ReturnTransactionsWithoutOriginal, summary.ReturnsWithoutOriginal));
            Assert.Equal(72.50m, summary.Totals.Returns);
        }
    }
}
