using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Analysis;

/// <summary>
/// Loads the <see cref="SalesHistory"/> of a business date with the reads <see cref="SalesHistoryPlan"/> lists:
/// a fixed number of calls whatever the number of stores, a few at a time. Each read is folded into the history
/// as soon as it arrives, so SKU lines of only a few dates are in memory at once.
/// </summary>
public sealed class SalesHistoryLoader(ISalesStore sales)
{
    /// <summary>Reads in flight at once: enough to hide latency, few enough to keep memory flat.</summary>
    public const int Concurrency = 4;

    /// <param name="chain">The chain's history kept by the run, covering the plan's chain days; null to read it from the sales store.</param>
    public async Task<SalesHistory> LoadAsync(DateOnly businessDate, HistoryParts parts, ChainHistory? chain, CancellationToken cancellationToken)
    {
        var plan = SalesHistoryPlan.For(businessDate);
        var builder = new SalesHistoryBuilder(businessDate) { KeepStoreCategories = parts.HasFlag(HistoryParts.StoreBaseline) };
        var days = chain?.Between(plan.ChainFirst, plan.ChainLast)
                   ?? await sales.GetChainHistoryAsync(plan.ChainFirst, plan.ChainLast, cancellationToken);
        builder.AddChainDays(plan.ChainFirst, plan.ChainLast, days);

        var reads = Reads(plan, parts);
        var gate = new Lock();
        await Parallel.ForEachAsync(
            reads,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (read, token) =>
            {
                var stores = await sales.GetDayAsync(read.Date, read.Detail, token);
                lock (gate)
                {
                    builder.AddStoreDays(read.Date, read.Detail, stores);
                }
            });
        return builder.Build();
    }

    /// <summary>
    /// Only the stores' trading calendar: the plan's <see cref="SalesHistoryPlan.BaselineDates"/> and
    /// <see cref="SalesHistoryPlan.StoreTrendDates"/> read at <see cref="SalesDetail.TotalsOnly"/>, with the chain's day
    /// on each of them summed from its store-days instead of read from the chain's 56 days: 32 reads, for a check that
    /// runs again every few minutes while a run waits for uploads. <see cref="Insights.AnomalyDetector.ExpectedStores"/>
    /// needs no more, and sees the same days as DetectAnomalies, so the run waits for exactly the stores whose absence
    /// it would report. The history holds no other date: calculators that look further see those dates as not loaded.
    /// </summary>
    public async Task<SalesHistory> LoadStoreCalendarAsync(DateOnly businessDate, CancellationToken cancellationToken)
    {
        var plan = SalesHistoryPlan.For(businessDate);
        var builder = new SalesHistoryBuilder(businessDate) { KeepStoreCategories = false };
        var gate = new Lock();
        await Parallel.ForEachAsync(
            plan.BaselineDates.Union(plan.StoreTrendDates),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (date, token) =>
            {
                var stores = await sales.GetDayAsync(date, SalesDetail.TotalsOnly, token);
                lock (gate)
                {
                    builder.AddChainDays(date, date, stores.Count == 0 ? [] : [SalesMerge.ChainDay(date, stores)]);
                    builder.AddStoreDays(date, SalesDetail.TotalsOnly, stores);
                }
            });
        return builder.Build();
    }

    /// <summary>
    /// The plan's store dates that <paramref name="parts"/> need, each read once: with SKU lines on the SKU dates when
    /// <see cref="HistoryParts.Skus"/> is asked for (those reads give the dates' store totals too), else at totals
    /// (<see cref="SalesDetail.TotalsOnly"/> unless the baseline's categories are needed).
    /// </summary>
    internal static List<(DateOnly Date, SalesDetail Detail)> Reads(SalesHistoryPlan plan, HistoryParts parts)
    {
        HashSet<DateOnly> totals = [];
        if (parts.HasFlag(HistoryParts.StoreTrend))
        {
            totals.UnionWith(plan.StoreTrendDates);
        }

        if (parts.HasFlag(HistoryParts.StoreBaseline))
        {
            totals.UnionWith(plan.BaselineDates);
        }

        if (parts.HasFlag(HistoryParts.LastWeekStores))
        {
            totals.Add(plan.LastWeek);
        }

        List<(DateOnly Date, SalesDetail Detail)> reads = [];
        if (parts.HasFlag(HistoryParts.Skus))
        {
            reads.AddRange(plan.SkuDates.Select(d => (d, SalesDetail.WithSkus)));
            totals.ExceptWith(plan.SkuDates);
        }

        // Categories (and hours) are kept only on the baseline's dates (see SalesHistoryBuilder.KeepStoreCategories):
        // elsewhere totals suffice.
        var baseline = parts.HasFlag(HistoryParts.StoreBaseline) ? plan.BaselineDates.ToHashSet() : [];
        reads.AddRange(totals.Order().Select(d => (d, baseline.Contains(d) ? SalesDetail.Totals : SalesDetail.TotalsOnly)));
        return reads;
    }
}
