using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Uploads;

public sealed partial class UploadReaderTests
{
    /// <summary>Two store-days; figures below are computed by hand. Prices have 3 decimals; the second SKU-1 line
    /// carries another name (the first line's wins); T-2 is written in UTC and lands at 09:30 New York time.</summary>
    internal const string TwoStoreDays = """
        [
          {"schema_version":1,"store_id":"store-0042","business_date":"2025-01-15","currency":"USD","time_zone":"America/New_York",
           "transactions":[
            {"transaction_id":"T-1","timestamp":"2025-01-15T09:12:33-05:00","payment_method":"card","items":[
              {"sku":"SKU-1","name":"Espresso Beans 1kg","category":"Coffee","quantity":2,"unit_price":18.505,"discount":1.00},
              {"sku":"SKU-2","name":"Milk 1l","category":"Dairy","quantity":3,"unit_price":1.125,"discount":0}]},
            {"transaction_id":"T-2","timestamp":"2025-01-15T14:30:00Z","payment_method":"cash","items":[
              {"sku":"SKU-1","name":"Espresso Beans (renamed)","category":"Coffee","quantity":1,"unit_price":18.505,"discount":0.505}]},
            {"transaction_id":"T-3","timestamp":"2025-01-15T17:05:00-05:00","payment_method":"card","items":[
              {"sku":"SKU-3","name":"Croissant","category":"Bakery","quantity":4,"unit_price":2.250},
              {"discount":0.25,"quantity":1,"unit_price":2.25,"category":"Bakery","name":"Croissant","sku":"SKU-3"},
              {"sku":"SKU-2","name":"Milk 1l","category":"Dairy","quantity":1,"unit_price":1.125,"discount":0.000}]}]},
          {"schema_version":1,"store_id":"store-0043","business_date":"2025-01-15","currency":"EUR",
           "transactions":[
            {"transaction_id":"T-9","timestamp":"2025-01-15T23:59:59+01:00","payment_method":"card","items":[
              {"sku":"SKU-9","name":"Tea","category":"Coffee","quantity":10,"unit_price":0.999,"discount":0.99}]}]}
        ]
        """;

    [Fact]
    public async Task ReadAsync_TwoStoreDays_AggregatesEveryFigure()
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(TwoStoreDays);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(Encoding.UTF8.GetByteCount(TwoStoreDays), result.Bytes);
        Assert.Equal((2, 4, 22L, 78.510m), (result.StoreDays, result.Transactions, result.Units, result.NetRevenue));
        Assert.Equal(2, emitted.Count);

        var first = emitted[0];
        Assert.Equal("uploads/test.json", first.SourceKey);
        Assert.Equal(ExpectedId("T-1", "T-2", "T-3"), first.ContributionId);
        var day = first.Summary;
        Assert.Equal(("store-0042", new DateOnly(2025, 1, 15), "USD"), (day.StoreId, day.BusinessDate, day.Currency));
        Assert.Equal(new SalesTotals(3, 12, 6, 71.265m, 1.755m), day.Totals);
        Assert.Equal(69.510m, day.Totals.NetRevenue);
        Assert.Equal([new HourSales(9, 2, 6, 57.385m), new HourSales(17, 1, 6, 12.125m)], day.Hours);
        Assert.Equal(
            [
                new CategorySales("Bakery", 1, 5, 2, 11.25m, 0.25m),
                new CategorySales("Coffee", 2, 3, 2, 55.515m, 1.505m),
                new CategorySales("Dairy", 2, 4, 2, 4.500m, 0m),
            ],
            day.Categories);
        Assert.Equal([new PaymentMethodSales("card", 2, 51.510m), new PaymentMethodSales("cash", 1, 18.000m)], day.PaymentMethods);
        Assert.Equal(
            [
                new SkuSales("SKU-1", "Espresso Beans 1kg", "Coffee", 3, 2, 55.515m, 1.505m),
                new SkuSales("SKU-2", "Milk 1l", "Dairy", 4, 2, 4.500m, 0m),
                new SkuSales("SKU-3", "Croissant", "Bakery", 5, 2, 11.25m, 0.25m),
            ],
            day.Skus);

        var second = emitted[1];
        Assert.Equal(ExpectedId("T-9"), second.ContributionId);
        var other = second.Summary;
        Assert.Equal(("store-0043", new DateOnly(2025, 1, 15), "EUR"), (other.StoreId, other.BusinessDate, other.Currency));
        Assert.Equal(new SalesTotals(1, 10, 1, 9.990m, 0.99m), other.Totals);
        Assert.Equal([new HourSales(23, 1, 10, 9.000m)], other.Hours);
        Assert.Equal([new CategorySales("Coffee", 1, 10, 1, 9.990m, 0.99m)], other.Categories);
        Assert.Equal([new PaymentMethodSales("card", 1, 9.000m)], other.PaymentMethods);
        Assert.Equal([new SkuSales("SKU-9", "Tea", "Coffee", 10, 1, 9.990m, 0.99m)], other.Skus);
    }

    [Fact]
    public async Task ReadAsync_SameTransactionsInOtherOrder_GivesSameContributionId()
    {
        const string Reordered = """
            {"schema_version":1,"store_id":"s","business_date":"2025-01-15","currency":"USD","transactions":[
             {"transaction_id":"B","timestamp":"2025-01-15T10:00:00Z","payment_method":"card","items":[{"sku":"1","name":"n","category":"c","quantity":1,"unit_price":1}]},
             {"transaction_id":"A","timestamp":"2025-01-15T10:00:00Z","payment_method":"card","items":[{"sku":"1","name":"n","category":"c","quantity":1,"unit_price":1}]}]}
            """;

        var (_, emitted) = await UploadReaderHarness.ReadAsync(Reordered);

        Assert.Equal(ExpectedId("A", "B"), Assert.Single(emitted).ContributionId);
    }

    [Fact]
    public async Task ReadAsync_ProblemAfterFirstStoreDay_EmitsOnlyStoreDaysBeforeIt()
    {
        var json = TwoStoreDays.Replace("\"quantity\":10", "\"quantity\":-10", StringComparison.Ordinal);

        var (result, emitted) = await UploadReaderHarness.ReadAsync(json);

        Assert.Equal("store-0042", Assert.Single(emitted).Summary.StoreId);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("non_positive_quantity", "$[1].transactions[0].items[0].quantity", "T-9", "store-0043"),
                     (problem.Code, problem.JsonPath, problem.TransactionId, problem.StoreId));
    }

    [Fact]
    public async Task ReadAsync_FiveHundredBadLines_KeepsMaxProblemsAndCountsAll()
    {
        var items = string.Join(",\n", Enumerable.Range(0, 500).Select(i =>
            $$"""{"sku":"S{{i}}","name":"n","category":"c","quantity":-1,"unit_price":1}"""));
        var json = $$"""
            {"schema_version":1,"store_id":"s","business_date":"2025-01-15","currency":"USD","transactions":[
            {"transaction_id":"T","timestamp":"2025-01-15T10:00:00Z","payment_method":"card","items":[
            {{items}}]}]}
            """;

        var (result, emitted) = await UploadReaderHarness.ReadAsync(json, maxProblems: 25);

        Assert.Empty(emitted);
        Assert.Equal(500, result.TotalProblems);
        Assert.Equal(25, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal("non_positive_quantity", p.Code));
        Assert.Equal("$.transactions[0].items[24].quantity", result.Problems[24].JsonPath);
        Assert.Equal(27, result.Problems[24].Line);
    }

    private static string ExpectedId(params string[] ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(id));
            bytes.Add(0);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()))[..32];
    }
}
