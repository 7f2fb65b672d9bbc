using Analytics.Domain.Metrics;

namespace Analytics.Domain.Insights;

/// <summary>The figures anomalies are looked for in, for one subject on one day.</summary>
internal readonly record struct DayFigures(decimal NetRevenue, int Transactions)
{
    public static readonly DayFigures None = new(0m, 0);

    /// <summary>Net revenue per transaction, 2 places; null without transactions.</summary>
    public decimal? Basket => Transactions == 0 ? null : SalesMath.Round2(NetRevenue / Transactions);

    /// <summary>The figure of <paramref name="metric"/>; null for a basket without transactions.</summary>
    public decimal? Of(AnomalyMetric metric) => metric switch
    {
        AnomalyMetric.Transactions => Transactions,
        AnomalyMetric.AverageBasket => Basket,
        _ => NetRevenue,
    };
}
