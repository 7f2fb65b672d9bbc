namespace Analytics.Domain.Sales;

/// <summary>The whole chain's sales of one business date: the sum of its store-days.</summary>
public sealed record ChainDaySummary
{
    public required DateOnly BusinessDate { get; init; }
    public required int StoresTrading { get; init; }
    public required SalesTotals Totals { get; init; }
    public required IReadOnlyList<HourSales> Hours { get; init; }
    public required IReadOnlyList<CategorySales> Categories { get; init; }
    public required IReadOnlyList<PaymentMethodSales> PaymentMethods { get; init; }
}
