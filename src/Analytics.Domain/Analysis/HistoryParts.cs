namespace Analytics.Domain.Analysis;

/// <summary>Which reads of <see cref="Metrics.SalesHistoryPlan"/> a step needs. The chain series is always read.</summary>
[Flags]
public enum HistoryParts
{
    /// <summary>Only the chain's daily series.</summary>
    Chain = 0,

    /// <summary>Store totals and categories on the plan's totals dates (store trends and baselines).</summary>
    StoreTotals = 1,

    /// <summary>SKU lines on the plan's same-weekday SKU dates (product baselines, SKU contributors).</summary>
    Skus = 2,

    All = StoreTotals | Skus,
}
