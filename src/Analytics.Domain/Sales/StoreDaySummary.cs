namespace Analytics.Domain.Sales;

/// <summary>
/// Everything the analysis needs about one store's business day. Lists are ordered: hours ascending,
/// categories, payment methods and SKUs by ordinal name, so equal data gives equal documents.
/// <see cref="Skus"/> is empty when the summary was read at <see cref="SalesDetail.Totals"/>.
/// </summary>
public sealed record StoreDaySummary
{
    public required string StoreId { get; init; }
    public required DateOnly BusinessDate { get; init; }
    /// <summary>ISO 4217 code of every amount in this summary.</summary>
    public required string Currency { get; init; }
    public required SalesTotals Totals { get; init; }
    public required IReadOnlyList<HourSales> Hours { get; init; }
    public required IReadOnlyList<CategorySales> Categories { get; init; }
    public required IReadOnlyList<PaymentMethodSales> PaymentMethods { get; init; }
    public required IReadOnlyList<SkuSales> Skus { get; init; }
}
