namespace Analytics.Domain.Insights;

/// <summary>
/// A store's or category's deseasonalized 28-day net-revenue slope (money per day and percent of its mean per day,
/// 2 places), with the volume it rests on: days with sales of the 28, and mean net revenue per day it was trading
/// (days the chain traded from its first sale in the window, on the weekdays it sells; a day among them without its
/// sales counts 0, closures and days before the data start do not count).
/// </summary>
public sealed record EntityTrend(ContributorKind Kind, string Id, int DaysWithSales, decimal MeanDailyRevenue, decimal SlopePerDay, decimal SlopePercent);
