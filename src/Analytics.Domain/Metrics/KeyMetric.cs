namespace Analytics.Domain.Metrics;

/// <summary>The chain-wide headline figures of a day.</summary>
public enum KeyMetric
{
    /// <summary>Gross sales less discounts, exact.</summary>
    NetRevenue,
    Transactions,
    Units,
    /// <summary>Net revenue per transaction, 2 places half-to-even.</summary>
    AverageBasket,
    /// <summary>Discounts / gross sales, 4 places (0.0525 is 5.25 %).</summary>
    DiscountRate,
}
