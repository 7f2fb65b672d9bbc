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

    public async Task<SalesHistory> LoadAsync(DateOnly businessDate, HistoryParts parts, CancellationToken cancellationToken)
    {
        var plan = SalesHistoryPlan.For(businessDate);
        var builder = new SalesHistoryBuilder(businessDate);
        var chain = await sales.GetChainHistoryAsync(plan.ChainFirst, plan.ChainLast, cancellationToken);
        builder.AddChainDays(plan.ChainFirst, plan.ChainLast, chain);

        List<(DateOnly Date, SalesDetail Detail)> reads = [];
        if (parts.HasFlag(HistoryParts.StoreTotals))
        {
            reads.AddRange(plan.TotalsDates.Select(d => (d, SalesDetail.Totals)));
        }

        // The SKU dates are same-weekday dates that the totals plan leaves out, so each date is read once.
        var skuDetail = parts.HasFlag(HistoryParts.Skus) ? SalesDetail.WithSkus : SalesDetail.Totals;
        if (parts.HasFlag(HistoryParts.Skus) || parts.HasFlag(HistoryParts.StoreTotals))
        {
            reads.AddRange(plan.SkuDates.Select(d => (d, skuDetail)));
        }

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
}
