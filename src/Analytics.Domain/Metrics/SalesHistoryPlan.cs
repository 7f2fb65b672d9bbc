namespace Analytics.Domain.Metrics;

/// <summary>
/// Which reads of <see cref="Sales.ISalesStore"/> fill a <see cref="SalesHistory"/> for one business date D. The
/// number of calls does not depend on the number of stores: one <c>GetChainHistoryAsync(ChainFirst, ChainLast)</c>,
/// one <c>GetDayAsync(date, Totals)</c> per <see cref="TotalsDates"/> entry and one
/// <c>GetDayAsync(date, WithSkus)</c> per <see cref="SkuDates"/> entry (32 day reads in all). This is the whole plan;
/// each step reads only the dates its calculator uses, the union of the lists below that it needs
/// (<see cref="Analysis.SalesHistoryLoader"/>). Per-store history reads (<c>GetStoreHistoryAsync</c>) are not
/// used: at 10,000 stores they would be 10,000 queries.
/// </summary>
/// <param name="ChainFirst">D − 56: eight weeks of daily chain figures (trends, weekday index, chain baseline).</param>
/// <param name="ChainLast">D − 1.</param>
/// <param name="StoreTrendDates">D − 1 … D − 27: store figures for store trends (28 days with D).</param>
/// <param name="BaselineDates">D − 7, D − 14, … D − 56: the same weekdays of the 8-week baseline (store and
/// store-category figures); the first is last week's same weekday.</param>
/// <param name="SkuDates">D − 7, D − 14, D − 21, D − 28: the same weekdays whose SKU lines feed product baselines.</param>
public sealed record SalesHistoryPlan(
    DateOnly BusinessDate,
    DateOnly ChainFirst,
    DateOnly ChainLast,
    IReadOnlyList<DateOnly> StoreTrendDates,
    IReadOnlyList<DateOnly> BaselineDates,
    IReadOnlyList<DateOnly> SkuDates)
{
    /// <summary>Same-weekday points of the anomaly baseline (D − 7 … D − 56).</summary>
    public const int BaselineWeeks = 8;

    /// <summary>Same-weekday dates whose SKU lines are read (D − 7 … D − 28).</summary>
    public const int SkuWeeks = 4;

    /// <summary>Days of the store trend window, D included.</summary>
    public const int StoreTrendDays = 28;

    /// <summary>The dates read at totals when every part is read: the trend and baseline dates that are not SKU dates
    /// (whose reads give the totals too), in that order.</summary>
    public IReadOnlyList<DateOnly> TotalsDates => [.. StoreTrendDates.Concat(BaselineDates).Except(SkuDates)];

    /// <summary>Last week's same weekday, D − 7.</summary>
    public DateOnly LastWeek => BaselineDates[0];

    /// <summary>The reads for business date <paramref name="businessDate"/>.</summary>
    public static SalesHistoryPlan For(DateOnly businessDate)
    {
        List<DateOnly> Back(int count, int step) => [.. Enumerable.Range(1, count).Select(i => businessDate.AddDays(-step * i))];
        return new SalesHistoryPlan(businessDate, businessDate.AddDays(-7 * BaselineWeeks), businessDate.AddDays(-1),
                                    Back(StoreTrendDays - 1, 1), Back(BaselineWeeks, 7), Back(SkuWeeks, 7));
    }
}
