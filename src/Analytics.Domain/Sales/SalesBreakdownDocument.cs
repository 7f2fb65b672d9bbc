namespace Analytics.Domain.Sales;

/// <summary>The small parts of a store-day stored as one body beside its totals (SKU lines are stored apart).</summary>
internal sealed record SalesBreakdownDocument(
    IReadOnlyList<HourSales> Hours,
    IReadOnlyList<CategorySales> Categories,
    IReadOnlyList<PaymentMethodSales> PaymentMethods);
