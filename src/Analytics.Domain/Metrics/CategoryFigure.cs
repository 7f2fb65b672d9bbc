namespace Analytics.Domain.Metrics;

/// <summary>A category's chain-wide sales on D. <see cref="Share"/> is its percentage of chain net revenue;
/// <see cref="PercentChangeVsLastWeek"/> compares its net revenue with D − 7 (null when D − 7 is unknown or 0).
/// <see cref="NetRevenue"/> is after <see cref="Returns"/> (refunded, positive); <see cref="ReturnRate"/> is returns /
/// net sales to 4 places; <see cref="LastWeekReturnRate"/> is the category's rate on D − 7 (null when it did not
/// sell then or D − 7 is unknown).</summary>
public sealed record CategoryFigure(
    string Category, int Transactions, long Units, decimal NetRevenue, decimal Discounts, decimal Share, decimal? PercentChangeVsLastWeek,
    int ReturnTransactions = 0, long UnitsReturned = 0, decimal Returns = 0m, decimal ReturnRate = 0m, decimal? LastWeekReturnRate = null)
{
    /// <summary>Net sales before returns.</summary>
    public decimal NetSales => NetRevenue + Returns;
}
