namespace Analytics.Domain.Metrics;

/// <summary>
/// Which reads of <see cref="Sales.ISalesStore"/> fill a <see cref="SalesHistory"/> for one business date D. The
/// number of calls does not depend on the number of stores: one <c>GetChainHistoryAsync(ChainFirst, ChainLast)</c>,
/// one <c>GetDayAsync(date, Totals)</c> per <see cref="TotalsDates"/> entry and one
/// <c>GetDayAsync(date, WithSkus)</c> per <see cref="SkuDates"/> entry (32 day reads in all). This is the whole plan;
/// each step reads only the part its calculator uses (<see cref="Analysis.SalesHistoryLoader"/>, whose tests check
/// that all parts together give exactly these dates). Per-store history reads (<c>GetStoreHistoryAsync</c>) are not
/// used: at 10,000 stores they would be 10,000 queries.
/// </summary>
/// <param name="ChainFirst">D − 56: eight weeks of daily chain figures (trends, weekday index, chain baseline).</param>
/// <param name="ChainLast">D − 1.</param>
/// <param name="TotalsDates">D − 1 … D − 27 except the same weekdays, and D − 35, D − 42, D − 49, D − 56:
/// store and store-category figures for store trends (28 days with D) and the 8-week same-weekday baseline.</param>
/// <param name="SkuDates">D − 7, D − 14, D − 21, D − 28: the same weekdays whose SKU lines feed product baselines.</param>
public sealed record SalesHistoryPlan(
    DateOnly BusinessDate,
    DateOnly ChainFirst,
    DateOnly ChainLast,
    IReadOnlyList<DateOnly> TotalsDates,
    IReadOnlyList<DateOnly> SkuDates)
{
    /// <summary>Same-weekday points of the anomaly baseline (D − 7 … D − 56).</summary>
    public const int BaselineWeeks = 8;

    /// <summary>Same-weekday dates whose SKU lines are read (D − 7 … D − 28).</summary>
    public const int SkuWeeks = 4;

    /// <summary>Days of the store trend window, D included.</summary>
    public const int StoreTrendDays = 28;

    /// <summary>The reads for business date <paramref name="businessDate"/>.</summary>
    public static SalesHistoryPlan For(DateOnly businessDate)
    {
        List<DateOnly> totals = [];
        for (var back = 1; back < StoreTrendDays; back++)
        {
            if (back % 7 != 0)
            {
                totals.Add(businessDate.AddDays(-back));
            }
        }

        for (var week = SkuWeeks + 1; week <= BaselineWeeks; week++)
        {
            totals.Add(businessDate.AddDays(-7 * week));
        }

        List<DateOnly> skus = [.. Enumerable.Range(1, SkuWeeks).Select(w => businessDate.AddDays(-7 * w))];
        return new SalesHistoryPlan(businessDate, businessDate.AddDays(-7 * BaselineWeeks), businessDate.AddDays(-1), totals, skus);
    }
}
