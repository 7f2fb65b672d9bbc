using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>
/// Sales and returns of one product category. <see cref="Transactions"/> counts the transactions with at least one
/// line of the category, so it does not add up to the store's transaction count; <see cref="ReturnTransactions"/>
/// likewise for returns. <see cref="Returns"/> is the amount refunded (positive). Return members are not written
/// when zero.
/// </summary>
public sealed record CategorySales(
    string Category,
    int Transactions,
    long Units,
    int Lines,
    decimal GrossSales,
    decimal Discounts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnTransactions = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long UnitsReturned = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnLines = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal Returns = 0m)
{
    public decimal NetSales => GrossSales - Discounts;

    /// <summary>Net sales less returns.</summary>
    public decimal NetRevenue => NetSales - Returns;

    public decimal ReturnRate => SalesAmounts.ReturnRate(Returns, NetSales);
}
