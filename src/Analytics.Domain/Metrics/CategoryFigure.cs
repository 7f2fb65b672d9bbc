namespace Analytics.Domain.Metrics;

/// <summary>A category's chain-wide sales on D. <see cref="Share"/> is its percentage of chain net revenue;
/// <see cref="PercentChangeVsLastWeek"/> compares its net revenue with D − 7 (null when D − 7 is unknown or 0).</summary>
public sealed record CategoryFigure(string Category, int Transactions, long Units, decimal NetRevenue, decimal Discounts, decimal Share, decimal? PercentChangeVsLastWeek);
