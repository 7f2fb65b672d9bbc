namespace Analytics.Domain.Sales;

/// <summary>
/// Sales of one SKU. <see cref="Name"/> and <see cref="Category"/> are those of the SKU's first line in the
/// upload; when parts are merged, the ordinal-smallest wins so the result does not depend on merge order.
/// </summary>
public sealed record SkuSales(string Sku, string Name, string Category, long Units, int Lines, decimal GrossSales, decimal Discounts)
{
    public decimal NetRevenue => GrossSales - Discounts;
}
