namespace Analytics.Domain.Metrics;

/// <summary>
/// A figure of date D against one baseline. Absent (not zero) from a list when the baseline has no data.
/// <see cref="PercentChange"/> is (value − baseline) / baseline × 100 to 2 places, null when the baseline is 0.
/// </summary>
/// <param name="BaselineDays">How many days the baseline rests on (1, or up to 4 for the four-week mean).</param>
public sealed record Comparison(ComparisonBaseline Baseline, decimal Value, decimal BaselineValue, decimal Change, decimal? PercentChange, int BaselineDays)
{
    public static Comparison Of(ComparisonBaseline baseline, decimal value, decimal baselineValue, int baselineDays) =>
        new(baseline, value, baselineValue, value - baselineValue, SalesMath.PercentChange(value, baselineValue), baselineDays);
}
