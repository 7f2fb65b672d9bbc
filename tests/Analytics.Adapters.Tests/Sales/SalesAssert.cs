using Analytics.Domain.Sales;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>Structural equality of summaries (records hold lists, which compare by reference).</summary>
internal static class SalesAssert
{
    public static void Equal(StoreDaySummary expected, StoreDaySummary actual)
    {
        Assert.Equal(expected.StoreId, actual.StoreId);
        Assert.Equal(expected.BusinessDate, actual.BusinessDate);
        Assert.Equal(expected.Currency, actual.Currency);
        Assert.Equal(expected.Totals, actual.Totals);
        Assert.Equal(expected.Hours, actual.Hours);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.PaymentMethods, actual.PaymentMethods);
        Assert.Equal(expected.Skus.Count, actual.Skus.Count);
        Assert.Equal(expected.Skus, actual.Skus);
        Assert.Equal(expected.LargestSales, actual.LargestSales);
        Assert.Equal(expected.LargestReturns, actual.LargestReturns);
        Assert.Equal((expected.ReturnTransactionsWithoutOriginal, expected.ReturnsWithoutOriginal),
                     (actual.ReturnTransactionsWithoutOriginal, actual.ReturnsWithoutOriginal));
    }

    public static void Equal(IReadOnlyList<StoreDaySummary> expected, IReadOnlyList<StoreDaySummary> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i]);
        }
    }

    public static void Equal(ChainDaySummary expected, ChainDaySummary actual)
    {
        Assert.Equal(expected.BusinessDate, actual.BusinessDate);
        Assert.Equal(expected.StoresTrading, actual.StoresTrading);
        Assert.Equal(expected.Totals, actual.Totals);
        Assert.Equal(expected.Hours, actual.Hours);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.PaymentMethods, actual.PaymentMethods);
    }

    /// <summary>The summary as a Totals read returns it.</summary>
    public static StoreDaySummary WithoutSkus(this StoreDaySummary summary) => summary with { Skus = [] };
}
