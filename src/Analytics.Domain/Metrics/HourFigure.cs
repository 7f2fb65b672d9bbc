namespace Analytics.Domain.Metrics;

/// <summary>A local clock hour's chain-wide sales on D; <see cref="Share"/> is its percentage of chain net revenue.
/// <see cref="NetRevenue"/> is after <see cref="Returns"/> refunded in the hour; <see cref="ReturnRate"/> is returns /
/// net sales of the hour, 4 places.</summary>
public sealed record HourFigure(
    int Hour, int Transactions, long Units, decimal NetRevenue, decimal Share,
    int ReturnTransactions = 0, long UnitsReturned = 0, decimal Returns = 0m, decimal ReturnRate = 0m);
