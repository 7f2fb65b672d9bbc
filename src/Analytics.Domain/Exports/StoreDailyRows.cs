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
/// </summary>
internal static class StoreDailyRows
{
    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, IReadOnlyList<StoreDaySummary> day,
                                        CancellationToken cancellationToken)
    {
        var ranks = insights.Company.StoreRanking.ToDictionary(r => r.StoreId, StringComparer.Ordinal);
        var anomalies = insights.Anomalies?.Anomalies.Where(a => a.Subject == AnomalySubject.Store)
            .GroupBy(a => a.SubjectId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Severity: g.Max(a => a.Severity)), StringComparer.Ordinal);

        foreach (var store in day.OrderBy(s => s.StoreId, StringComparer.Ordinal))
        {
            var totals = store.Totals;
            var rank = ranks.GetValueOrDefault(store.StoreId);
            var json = rows.StartRow();
            json.WriteString("store_id", store.StoreId);
            json.WriteString("currency", store.Currency);
            json.WriteNumber("transactions", totals.Transactions);
            json.WriteNumber("units", totals.Units);
            json.WriteNumber("gross_sales", totals.GrossSales);
            json.WriteNumber("discounts", totals.Discounts);
            json.WriteNumber("net_revenue", totals.NetRevenue);
            json.WriteNumber("average_basket", totals.AverageBasket);
            json.WriteNumber("discount_rate", SalesMath.Rate(totals.Discounts, totals.GrossSales));
            json.WriteIntOrNull("revenue_rank", rank?.Rank);
            json.WriteDecimalOrNull("revenue_share_pct", rank?.Share);
            json.WriteDecimalOrNull("net_revenue_vs_last_week_pct", rank?.PercentChangeVsLastWeek);
            if (anomalies is null)
            {
                json.WriteNull("has_anomaly");
                json.WriteNull("anomaly_count");
                json.WriteNull("anomaly_severity");
            }
            else
            {
                var found = anomalies.TryGetValue(store.StoreId, out var anomaly);
                json.WriteBoolean("has_anomaly", found);
                json.WriteNumber("anomaly_count", found ? anomaly.Count : 0);
                json.WriteString("anomaly_severity", found ? ExportJson.Snake(anomaly.Severity) : null);
            }

            await rows.EndRowAsync(cancellationToken);
        }
    }
}
