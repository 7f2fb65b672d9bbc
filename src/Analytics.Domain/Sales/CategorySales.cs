namespace Analytics.Domain.Sales;

/// <summary>
/// Sales of one product category. <see cref="Transactions"/> counts the transactions with at least one line of
/// the category, so it does not add up to the store's transaction count.
/// </summary>
public sealed record CategorySales(string Category, int Transactions, long Units, int Lines, decimal GrossSales, decimal Discounts)
{
    public decimal NetRevenue => GrossSales - Discounts;
}
