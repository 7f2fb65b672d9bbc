namespace Analytics.Domain.Metrics;

/// <summary>What a figure of date D is compared with.</summary>
public enum ComparisonBaseline
{
    /// <summary>D − 1.</summary>
    PreviousDay,
    /// <summary>D − 7.</summary>
    SameWeekdayLastWeek,
    /// <summary>D − 7 … D − 28, over those of the four dates that had sales (<see cref="Comparison.BaselineDays"/>).
    /// Additive figures are the mean per day; ratios (basket, discount rate, return rate) are the ratio of the four-week sums.</summary>
    FourWeekSameWeekdayMean,
}
