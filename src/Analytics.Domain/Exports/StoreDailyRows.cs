using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Exports;

/// <summary>
/// <c>store_daily</c>: one row per store with a summary on the date, by store id (ordinal). Sales figures come from
/// the store-day; rank, share and the change against D − 7 from <see cref="CompanyMetrics.StoreRanking"/> (null when
/// the store is not ranked); the anomaly columns from the store's own anomalies (subject Store), null when
/// DetectAnomalies failed. A store without a summary has no row (its no-sales anomaly is in <c>anomalies</c>).
/// Returns: <c>returns</c> is the amount refunded (positive) in <c>return_transactions</c> (<c>units_returned</c>
/// units); <c>net_revenue</c> = <c>gross_sales</c> − <c>discounts</c> − <c>returns</c>; <c>return_rate</c> is returns /
/// (gross − discounts), 4 places, and <c>return_rate_last_week</c> the store's own rate on D − 7 (null as the change).
/// </summary>
internal static class StoreDailyRows
{
    public static ExportTable<Row> Table { get; } = new ExportTable<Row>()
        .Text("store_id", r => r.Store.StoreId)
        .Text("currency", r => r.Store.Currency)
        .Integer("transactions", r => r.Store.Totals.Transactions)
        .Integer("units", r => r.Store.Totals.Units)
        .Decimal("gross_sales", r => r.Store.Totals.GrossSales)
        .Decimal("discounts", r => r.Store.Totals.Discounts)
        .Integer("return_transactions", r => r.Store.Totals.ReturnTransactions)
        .Integer("units_returned", r => r.Store.Totals.UnitsReturned)
        .Decimal("returns", r => r.Store.Totals.Returns)
        .Decimal("net_revenue", r => r.Store.Totals.NetRevenue)
        .Decimal("average_basket", r => r.Store.Totals.AverageBasket)
        .Decimal("discount_rate", r => SalesMath.Rate(r.Store.Totals.Discounts, r.Store.Totals.GrossSales))
        .Decimal("return_rate", r => r.Store.Totals.ReturnRate)
        .Integer("revenue_rank", r => r.Rank?.Rank)
        .Decimal("revenue_share_pct", r => r.Rank?.Share)
        .Decimal("net_revenue_vs_last_week_pct", r => r.Rank?.PercentChangeVsLastWeek)
        .Decimal("return_rate_last_week", r => r.Rank?.LastWeekReturnRate)
        .Boolean("has_anomaly", r => r.Anomalies is { } found ? found.Count > 0 : null)
        .Integer("anomaly_count", r => r.Anomalies?.Count)
        .Text("anomaly_severity", r => r.Anomalies?.Severity is { } severity ? ExportJson.Snake(severity) : null);

    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, IReadOnlyList<StoreDaySummary> day,
                                        CancellationToken cancellationToken)
    {
        var ranks = insights.Company.StoreRanking.ToDictionary(r => r.StoreId, StringComparer.Ordinal);
        var anomalies = insights.Anomalies?.Anomalies.Where(a => a.Subject == AnomalySubject.Store)
            .GroupBy(a => a.SubjectId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new StoreAnomalies(g.Count(), g.Max(a => a.Severity)), StringComparer.Ordinal);

        foreach (var store in day.OrderBy(s => s.StoreId, StringComparer.Ordinal))
        {
            // Null when DetectAnomalies failed; none found is a count of 0 without a severity.
            var found = anomalies is null ? null : anomalies.GetValueOrDefault(store.StoreId) ?? StoreAnomalies.None;
            await Table.WriteAsync(rows, new Row(store, ranks.GetValueOrDefault(store.StoreId), found), cancellationToken);
        }
    }

    /// <summary>A store-day with its place in the ranking (null when not ranked) and its anomalies (null when unknown).</summary>
    internal sealed record Row(StoreDaySummary Store, StoreRank? Rank, StoreAnomalies? Anomalies);

    /// <summary>How many anomalies a store has and the highest severity among them (null when there is none).</summary>
    internal sealed record StoreAnomalies(int Count, AnomalySeverity? Severity)
    {
        public static StoreAnomalies None { get; } = new(0, null);
    }
}
