namespace Analytics.Domain.Insights;

/// <summary>The figure found anomalous. For a category, transactions are those with at least one of its lines.</summary>
public enum AnomalyMetric
{
    NetRevenue,
    Transactions,
    /// <summary>Net revenue per transaction, 2 places.</summary>
    AverageBasket,
    /// <summary>A store with same-weekday history made no sales on D (value 0; always high severity).</summary>
    NoSales,
    /// <summary>Returns / net sales of a store or category, 4 places (0.05 is 5 %); only a rise is a finding.</summary>
    ReturnRate,
}
