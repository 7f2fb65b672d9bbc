namespace Analytics.Domain.Sales;

/// <summary>How much of a store-day to read: SKU lines are by far the largest part.</summary>
public enum SalesDetail
{
    /// <summary>Totals, hours, categories and payment methods; <see cref="StoreDaySummary.Skus"/> is empty.</summary>
    Totals,
    /// <summary>Everything, SKU lines included.</summary>
    WithSkus,

    /// <summary>At least the totals: <see cref="StoreDaySummary.Skus"/> is empty, and an adapter may leave hours,
    /// categories and payment methods empty too (reading them costs most of a totals read).</summary>
    TotalsOnly,
}
