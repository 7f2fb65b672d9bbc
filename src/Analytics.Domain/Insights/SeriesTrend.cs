namespace Analytics.Domain.Insights;

/// <summary>
/// Trends of a daily net-revenue series ending at D. Slopes are Theil–Sen (median of pairwise slopes) over the last 7 and 28 days of the
/// deseasonalized series, in money per day and in percent of the window's deseasonalized mean per day (2 places);
/// null with too few days. Growth compares the mean net revenue per trading day (a day with sales; days without
/// are unknown, not 0) of whole weeks, so the weekday pattern cancels: week over week is D − 6 … D against
/// D − 13 … D − 7, month over month D − 27 … D against D − 55 … D − 28, in percent; null when a date of either period
/// was not loaded, when either period traded on fewer than 2/3 of its days on the chain's trading weekdays
/// (<see cref="TrendAnalyzer.MinimumTradingShareNumerator"/>), or when the earlier one sold nothing.
/// <see cref="WeekdayFactors"/> are Monday first, 4 places,
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
