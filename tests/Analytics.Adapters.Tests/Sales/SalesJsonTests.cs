using System.Text;
using Analytics.Domain.Sales;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>The stored body format both sales adapters share.</summary>
public sealed class SalesJsonTests
{
    [Fact]
    public void SerializeSummary_ExactDecimalsAndIsoDates_RoundTrip()
    {
        var summary = SalesSamples.Summary("store-0001", SalesSamples.Day, skuCount: 4);

        var json = SalesJson.SerializeSummary(summary);
        var text = Encoding.UTF8.GetString(json);

        SalesAssert.Equal(summary, SalesJson.DeserializeSummary(json));
        Assert.Contains("\"businessDate\":\"2025-01-15\"", text, StringComparison.Ordinal);
        Assert.Contains("8747561.663", text, StringComparison.Ordinal);
        Assert.Contains("0.001", text, StringComparison.Ordinal);
        Assert.Contains("\"grossSales\":8747561.663,\"discounts\":0.001}", text, StringComparison.Ordinal); // no computed net revenue
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeSummary_WithReturns_RoundTripsAndWithoutReturnsWritesNoReturnMembers()
    {
        var plain = SalesSamples.Summary("store-0001", SalesSamples.Day);
        var withReturns = SalesSamples.WithReturns(plain);

        var plainText = Encoding.UTF8.GetString(SalesJson.SerializeSummary(plain));
        var returnsJson = SalesJson.SerializeSummary(withReturns);

        SalesAssert.Equal(withReturns, SalesJson.DeserializeSummary(returnsJson));
        SalesAssert.Equal(withReturns.WithoutSkus(), SalesJson.WithBreakdown(plain with { Hours = [], Categories = [], PaymentMethods = [], Skus = [], LargestSales = [], LargestReturns = [] }
            with { Totals = withReturns.Totals }, SalesJson.SerializeBreakdown(withReturns)));
        Assert.Contains("\"returns\":10.005", Encoding.UTF8.GetString(returnsJson), StringComparison.Ordinal);
        // A body of a day without returns has no return members (its empty list of largest returns aside).
        Assert.DoesNotContain("eturn", plainText.Replace("\"largestReturns\":[]", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void WithBreakdown_ReturnMembersInAnyOrder_AreRead()
    {
        var header = SalesSamples.Summary("store-0001", SalesSamples.Day) with { Hours = [], Categories = [], PaymentMethods = [], Skus = [], LargestSales = [], LargestReturns = [] };
        var body = """{"hours":[{"returns":1.5,"hour":9,"unitsReturned":1,"transactions":2,"units":4,"netRevenue":3.60,"returnTransactions":1}],"categories":[{"category":"Coffee","returnLines":1,"transactions":2,"units":4,"lines":3,"grossSales":10.00,"discounts":0.5,"returns":1.5,"unitsReturned":1,"returnTransactions":1}],"paymentMethods":[{"paymentMethod":"card","transactions":2,"netRevenue":3.60,"returns":1.5,"returnTransactions":1}]}""";

        var restored = SalesJson.WithBreakdown(header, Encoding.UTF8.GetBytes(body));

        Assert.Equal([new HourSales(9, 2, 4, 3.60m, 1, 1, 1.5m)], restored.Hours);
        Assert.Equal([new CategorySales("Coffee", 2, 4, 3, 10.00m, 0.5m, 1, 1, 1, 1.5m)], restored.Categories);
        Assert.Equal([new PaymentMethodSales("card", 2, 3.60m, 1, 1.5m)], restored.PaymentMethods);
        Assert.Equal(8.00m, restored.Categories[0].NetRevenue);
    }

    [Fact]
    public void SerializeBreakdown_ThenWithBreakdown_RestoresHoursCategoriesAndPayments()
    {
        var summary = SalesSamples.Summary("store-0001", SalesSamples.Day);
        var header = summary with { Hours = [], Categories = [], PaymentMethods = [], Skus = [], LargestSales = [], LargestReturns = [] };

        var restored = SalesJson.WithBreakdown(header, SalesJson.SerializeBreakdown(summary));

        SalesAssert.Equal(summary.WithoutSkus(), restored);
    }

    [Fact]
    public void WithBreakdown_ReceiptsInAnyMemberOrder_AreReadAsTheSerializerReadsThem()
    {
        var header = SalesSamples.Summary("store-0001", SalesSamples.Day) with { Hours = [], Categories = [], PaymentMethods = [], Skus = [], LargestSales = [] };
        var body = """{"hours":[],"categories":[],"paymentMethods":[],"largestReturns":[{"topLine":{"amount":5.5,"unitPrice":2.75,"quantity":2,"category":"Coffee","name":"Beans","sku":"K1"},"lines":1,"units":2,"topCategoryAmount":5.5,"amount":5.5,"timestamp":"2025-01-15T10:02:00-05:00","id":"R-\u0031"}]}""";

        var restored = SalesJson.WithBreakdown(header, Encoding.UTF8.GetBytes(body));

        Assert.Empty(restored.LargestSales);
        var refund = Assert.Single(restored.LargestReturns);
        Assert.Equal(new ReceiptSummary("R-1", new DateTimeOffset(2025, 1, 15, 10, 2, 0, TimeSpan.FromHours(-5)), 5.5m, 2, 1,
                                        new ReceiptLine("K1", "Beans", "Coffee", 2, 2.75m, 5.5m), 5.5m), refund);
        Assert.Equal(TimeSpan.FromHours(-5), refund.Timestamp.Offset); // the offset is kept, not turned into UTC
    }

    [Fact]
    public void SerializeBreakdown_WithoutReceipts_WritesNoReceiptMembers() =>
        Assert.DoesNotContain("largest", Encoding.UTF8.GetString(SalesJson.SerializeBreakdown(
            SalesSamples.Summary("store-0001", SalesSamples.Day) with { LargestSales = [] })), StringComparison.Ordinal);

    [Fact]
    public void SerializeSkus_RoundTripsInOrder()
    {
        var skus = SalesSamples.Summary("store-0001", SalesSamples.Day, skuCount: 10).Skus;

        Assert.Equal(skus, SalesJson.DeserializeSkus(SalesJson.SerializeSkus(skus)));
    }

    [Theory]
    [InlineData("""{"paymentMethods":[{"netRevenue":5.10,"transactions":2,"paymentMethod":"card"}],"categories":[{"discounts":0.5,"grossSales":10.00,"lines":3,"units":4,"transactions":2,"category":"Coffee"}],"hours":[{"netRevenue":5.10,"units":4,"transactions":2,"hour":9}]}""")]
    [InlineData("""{"hours":[{"hour":9,"transactions":2,"units":4,"netRevenue":5.10,"extra":1}],"categories":[{"category":"Coffee","transactions":2,"units":4,"lines":3,"grossSales":10.00,"discounts":0.5}],"paymentMethods":[{"paymentMethod":"card","transactions":2,"netRevenue":5.10}]}""")]
    [InlineData("""{"hours":[{"hour":9,"transactions":2,"units":4,"netRevenue":5.10}],"categories":[{"category":"Co\u0066fee","transactions":2,"units":4,"lines":3,"grossSales":10.00,"discounts":0.5}],"paymentMethods":[{"paymentMethod":"card","transactions":2,"netRevenue":5.10}],"more":{}}""")]
    public void WithBreakdown_AnyMemberOrderOrExtraMembers_ReadsTheSameBreakdown(string body)
    {
        var header = SalesSamples.Summary("store-0001", SalesSamples.Day) with { Hours = [], Categories = [], PaymentMethods = [], Skus = [], LargestSales = [], LargestReturns = [] };

        var restored = SalesJson.WithBreakdown(header, Encoding.UTF8.GetBytes(body));

        Assert.Equal([new HourSales(9, 2, 4, 5.10m)], restored.Hours);
        Assert.Equal([new CategorySales("Coffee", 2, 4, 3, 10.00m, 0.5m)], restored.Categories);
        Assert.Equal([new PaymentMethodSales("card", 2, 5.10m)], restored.PaymentMethods);
        Assert.Equal("5.10", restored.Hours[0].NetRevenue.ToString(System.Globalization.CultureInfo.InvariantCulture)); // exact digits kept
    }

    [Fact]
    public void WithBreakdown_MissingList_IsEmptyAndNotAFailure()
    {
        var header = SalesSamples.Summary("store-0001", SalesSamples.Day) with { Hours = [], Categories = [], PaymentMethods = [], Skus = [], LargestSales = [], LargestReturns = [] };

        var restored = SalesJson.WithBreakdown(header, """{"hours":[],"categories":[]}"""u8);

        Assert.Empty(restored.PaymentMethods);
    }

    [Fact]
    public void WithBreakdown_NotABreakdown_ThrowsJsonException() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SalesJson.WithBreakdown(
            SalesSamples.Summary("store-0001", SalesSamples.Day), """{"hours":[{"hour":"nine"}],"categories":[],"paymentMethods":[]}"""u8));
}
