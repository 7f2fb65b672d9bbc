namespace Analytics.Domain.Metrics;

/// <summary>
/// A store's place by net revenue on D (1 is the highest; ties by store id ordinal). <see cref="Share"/> is its
/// percentage of chain net revenue; <see cref="PercentChangeVsLastWeek"/> compares with its own D − 7 (null when
/// it did not trade then or D − 7 was not loaded).
/// </summary>
public sealed record StoreRank(int Rank, string StoreId, decimal NetRevenue, int Transactions, decimal AverageBasket, decimal Share, decimal? PercentChangeVsLastWeek);
