namespace Analytics.Domain.Sales;

/// <summary>How much of a store-day to read: SKU lines are by far the largest part.</summary>
public enum SalesDetail
{
    /// <summary>Totals, hours, categories and payment methods; <see cref="StoreDaySummary.Skus"/> is empty.</summary>
    Totals,
    /// <summary>Everything, SKU lines included.</summary>
    WithSkus,
}
