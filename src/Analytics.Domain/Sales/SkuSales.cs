using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>
/// Sales and returns of one SKU. <see cref="Name"/> and <see cref="Category"/> are those of the SKU's first line
/// (sold or returned) in the upload; when parts are merged, the ordinal-smallest wins so the result does not depend
/// on merge order. <see cref="Returns"/> is the amount refunded (positive). Return members are not written when zero.
/// </summary>
public sealed record SkuSales(
    string Sku,
    string Name,
    string Category,
    long Units,
    int Lines,
    decimal GrossSales,
    decimal Discounts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long UnitsReturned = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnLines = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal Returns = 0m)
{
    public decimal NetSales => GrossSales - Discounts;

    /// <summary>Net sales less returns.</summary>
    public decimal NetRevenue => NetSales - Returns;

    public decimal ReturnRate => SalesAmounts.ReturnRate(Returns, NetSales);
}
