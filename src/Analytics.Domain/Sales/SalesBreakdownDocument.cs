using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>The small parts of a store-day stored as one body beside its totals (SKU lines are stored apart). The
/// largest receipts are not written when there are none, and a body written before they were kept reads as none; so
/// are the returns without an <c>original</c> when there are none.</summary>
internal sealed record SalesBreakdownDocument(
    IReadOnlyList<HourSales> Hours,
    IReadOnlyList<CategorySales> Categories,
    IReadOnlyList<PaymentMethodSales> PaymentMethods,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReceiptSummary>? LargestSales = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReceiptSummary>? LargestReturns = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnTransactionsWithoutOriginal = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal ReturnsWithoutOriginal = 0m);
