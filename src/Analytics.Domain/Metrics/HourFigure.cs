namespace Analytics.Domain.Metrics;

/// <summary>A local clock hour's chain-wide sales on D; <see cref="Share"/> is its percentage of chain net revenue.</summary>
public sealed record HourFigure(int Hour, int Transactions, long Units, decimal NetRevenue, decimal Share);
