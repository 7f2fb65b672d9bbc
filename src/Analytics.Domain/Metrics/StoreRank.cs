namespace Analytics.Domain.Metrics;

/// <summary>
/// A store's place by net revenue on D (1 is the highest; ties by store id ordinal). <see cref="Share"/> is its
/// percentage of chain net revenue; <see cref="PercentChangeVsLastWeek"/> compares with its own D − 7 (null when
/// it did not trade then or D − 7 was not loaded). The rank is by net revenue after returns: a store is worth
/// what it kept. <see cref="Returns"/> is refunded (positive); <see cref="ReturnRate"/> is returns / net sales,
/// 4 places; <see cref="LastWeekReturnRate"/> the store's own rate on D − 7 (null as for the change).
/// </summary>
public sealed record StoreRank(
    int Rank, string StoreId, decimal NetRevenue, int Transactions, decimal AverageBasket, decimal Share, decimal? PercentChangeVsLastWeek,
    int ReturnTransactions = 0, long UnitsReturned = 0, decimal Returns = 0m, decimal ReturnRate = 0m, decimal? LastWeekReturnRate = null);
