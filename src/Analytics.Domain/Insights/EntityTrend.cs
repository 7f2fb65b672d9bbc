namespace Analytics.Domain.Insights;

/// <summary>
/// A store's or category's deseasonalized 28-day net-revenue slope (money per day and percent of its mean per day,
/// 2 places), with the volume it rests on: days with sales of the 28 and mean daily net revenue over them.
/// </summary>
public sealed record EntityTrend(ContributorKind Kind, string Id, int DaysWithSales, decimal MeanDailyRevenue, decimal SlopePerDay, decimal SlopePercent);
