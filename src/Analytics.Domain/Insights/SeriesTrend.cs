namespace Analytics.Domain.Insights;

/// <summary>
/// Trends of a daily net-revenue series ending at D. Slopes are Theil–Sen (median of pairwise slopes) over the last 7 and 28 days of the
/// deseasonalized series, in money per day and in percent of the window's deseasonalized mean per day (2 places);
/// null with too few days. Growth compares raw sums of whole weeks, so the weekday pattern cancels: week over week is
/// D − 6 … D against D − 13 … D − 7, month over month D − 27 … D against D − 55 … D − 28, in percent; null when
/// the earlier window was not fully loaded or sold nothing. <see cref="WeekdayFactors"/> are Monday first, 4 places,
/// all 1 when the pattern could not be estimated (<see cref="WeekdayPatternRemoved"/> false).
/// </summary>
public sealed record SeriesTrend(
    decimal? Slope7PerDay,
    decimal? Slope7Percent,
    decimal? Slope28PerDay,
    decimal? Slope28Percent,
    decimal? WeekOverWeek,
    decimal? MonthOverMonth,
    bool WeekdayPatternRemoved,
    IReadOnlyList<decimal> WeekdayFactors);
