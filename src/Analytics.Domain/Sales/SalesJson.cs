using System.Text.Json;

namespace Analytics.Domain.Sales;

/// <summary>
/// Compact UTF-8 JSON bodies for stored sales, shared by every <see cref="ISalesStore"/> adapter so that all of
/// them store the same document. Amounts keep their exact decimal digits (no double conversion); dates are
/// YYYY-MM-DD; property names are camelCase; computed figures (net revenue) are not stored.
/// </summary>
public static class SalesJson
{
    /// <summary>The whole store-day, SKU lines included.</summary>
    public static byte[] SerializeSummary(StoreDaySummary summary) =>
        JsonSerializer.SerializeToUtf8Bytes(summary, SalesJsonContext.Default.StoreDaySummary);

    /// <exception cref="JsonException">The body is not a stored store-day.</exception>
    public static StoreDaySummary DeserializeSummary(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, SalesJsonContext.Default.StoreDaySummary)
        ?? throw new JsonException("A stored store-day body is null.");

    /// <summary>Hours, categories, payment methods, largest receipts and returns without an original of <paramref name="summary"/> (not its totals
    /// or SKUs).</summary>
    public static byte[] SerializeBreakdown(StoreDaySummary summary) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new SalesBreakdownDocument(summary.Hours, summary.Categories, summary.PaymentMethods,
                                       NullWhenEmpty(summary.LargestSales), NullWhenEmpty(summary.LargestReturns),
                                       summary.ReturnTransactionsWithoutOriginal, summary.ReturnsWithoutOriginal),
            SalesJsonContext.Default.SalesBreakdownDocument);

    /// <summary>
    /// <paramref name="header"/> with the hours, categories, payment methods, largest receipts and returns without an original read from a body written by
    /// <see cref="SerializeBreakdown"/>; its other members are kept.
    /// </summary>
    /// <exception cref="JsonException">The body is not a stored breakdown.</exception>
    public static StoreDaySummary WithBreakdown(StoreDaySummary header, ReadOnlySpan<byte> utf8Json)
    {
        var breakdown = SalesBreakdownReader.TryRead(utf8Json, out var read) ? read!
            : JsonSerializer.Deserialize(utf8Json, SalesJsonContext.Default.SalesBreakdownDocument)
              ?? throw new JsonException("A stored breakdown body is null.");
        return header with
        {
            Hours = breakdown.Hours ?? [],
            Categories = breakdown.Categories ?? [],
            PaymentMethods = breakdown.PaymentMethods ?? [],
            LargestSales = breakdown.LargestSales ?? [],
            LargestReturns = breakdown.LargestReturns ?? [],
            ReturnTransactionsWithoutOriginal = breakdown.ReturnTransactionsWithoutOriginal,
            ReturnsWithoutOriginal = breakdown.ReturnsWithoutOriginal,
        };
    }

    private static IReadOnlyList<ReceiptSummary>? NullWhenEmpty(IReadOnlyList<ReceiptSummary> receipts) => receipts.Count == 0 ? null : receipts;

    /// <summary>SKU lines as a JSON array, in the order given.</summary>
    public static byte[] SerializeSkus(IReadOnlyList<SkuSales> skus) =>
        JsonSerializer.SerializeToUtf8Bytes(skus, SalesJsonContext.Default.IReadOnlyListSkuSales);

    /// <exception cref="JsonException">The body is not a stored SKU array.</exception>
    public static IReadOnlyList<SkuSales> DeserializeSkus(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, SalesJsonContext.Default.IReadOnlyListSkuSales)
        ?? throw new JsonException("A stored SKU body is null.");
}
