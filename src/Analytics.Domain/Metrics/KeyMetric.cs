namespace Analytics.Domain.Metrics;

/// <summary>The chain-wide headline figures of a day. Net revenue = net sales − returns = gross − discounts − returns.</summary>
public enum KeyMetric
{
    /// <summary>Gross sales less discounts, less returns (the amount refunded), exact.</summary>
    NetRevenue,
    Transactions,
    Units,
    /// <summary>Net sales per sale transaction, 2 places half-to-even (returns do not shrink a basket).</summary>
    AverageBasket,
    /// <summary>Discounts / gross sales, 4 places (0.0525 is 5.25 %).</summary>
    DiscountRate,
    /// <summary>Gross sales less discounts, before returns: what the sales took, exact.</summary>
    NetSales,
    /// <summary>The amount refunded (positive), exact.</summary>
    Returns,
    /// <summary>Returns / net sales, 4 places; 0 without sales (see <see cref="Sales.SalesTotals.ReturnRate"/>).</summary>
    ReturnRate,
}
