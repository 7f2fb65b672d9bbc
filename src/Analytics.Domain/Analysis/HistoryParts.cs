namespace Analytics.Domain.Analysis;

/// <summary>
/// Which reads of <see cref="Metrics.SalesHistoryPlan"/> a step needs. The chain series is always read. A step asks
/// only for the store dates its calculator looks at: every store date read costs one scan of all stores. Store-days
/// keep their categories only when <see cref="StoreBaseline"/> is asked for (the anomaly contributors use them);
/// otherwise only their totals.
/// </summary>
[Flags]
public enum HistoryParts
{
    /// <summary>Only the chain's daily series.</summary>
    Chain = 0,

    /// <summary>Store totals on D − 1 … D − 27 (store trends).</summary>
    StoreTrend = 1,

    /// <summary>SKU lines on the plan's same-weekday SKU dates (product baselines, SKU contributors).</summary>
    Skus = 2,

    /// <summary>Store totals and categories on the same weekdays D − 7 … D − 56 (anomaly baselines).</summary>
    StoreBaseline = 4,

    /// <summary>Store totals on D − 7 (the stores' change against the same weekday last week).</summary>
    LastWeekStores = 8,

    /// <summary>Store totals and categories on every date of the plan (trends and baselines).</summary>
    StoreTotals = StoreTrend | StoreBaseline,

    All = StoreTotals | Skus,
}
