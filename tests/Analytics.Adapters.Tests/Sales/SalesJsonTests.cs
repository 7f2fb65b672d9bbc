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
    public void SerializeBreakdown_ThenWithBreakdown_RestoresHoursCategoriesAndPayments()
    {
        var summary = SalesSamples.Summary("store-0001", SalesSamples.Day);
        var header = summary with { Hours = [], Categories = [], PaymentMethods = [], Skus = [] };

        var restored = SalesJson.WithBreakdown(header, SalesJson.SerializeBreakdown(summary));

        SalesAssert.Equal(summary.WithoutSkus(), restored);
    }

    [Fact]
    public void SerializeSkus_RoundTripsInOrder()
    {
        var skus = SalesSamples.Summary("store-0001", SalesSamples.Day, skuCount: 10).Skus;

        Assert.Equal(skus, SalesJson.DeserializeSkus(SalesJson.SerializeSkus(skus)));
    }
}
