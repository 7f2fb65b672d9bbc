using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// A store-day that seems cut short: its last sale was in <see cref="LastSaleHour"/>, at least
/// <see cref="IncompleteDays.HoursEarly"/> hours before the earliest last sale of its baseline days
/// (<see cref="EarliestUsualLastHour"/>). Its figures are likely partial (an upload sent mid-day, a till that stopped
/// sending), so they do not feed stock-out lists, and its drops may be the missing hours.
/// </summary>
/// <param name="LastSaleHour">Local clock hour (0–23) of the day's last sale.</param>
/// <param name="EarliestUsualLastHour">The earliest hour of the last sale on the store's baseline days.</param>
public sealed record IncompleteDay(string StoreId, int LastSaleHour, int EarliestUsualLastHour, int BaselineDays);

/// <summary>Finds the store-days of D that end hours before they usually do. Pure.</summary>
public static class IncompleteDays
{
    /// <summary>How many hours before its earliest usual last sale a day must end to be incomplete.</summary>
    public const int HoursEarly = 2;

    /// <summary>Fewest usual (median) transactions for a store's close to mean anything: a store of a few orders a day
    /// makes its last sale whenever its last customer comes.</summary>
    public const int MinimumUsualTransactions = 20;

    /// <summary>
    /// The store-days of <paramref name="day"/> that ended at least <see cref="HoursEarly"/> hours before the earliest
    /// last sale of their same-weekday baseline days in <paramref name="history"/> (at least
    /// <see cref="AnomalyDetector.MinimumHistory"/> of them, with hours; usually at least
    /// <see cref="MinimumUsualTransactions"/> transactions), by store id. Taking the earliest usual
    /// close, not a typical one, keeps a small store whose last sale wanders through the afternoon from being flagged.
    /// </summary>
    public static IReadOnlyList<IncompleteDay> Find(IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(history);
        var dates = history.SameWeekdays(AnomalyDetector.BaselineWeeks);
        List<IncompleteDay> found = [];
        foreach (var store in day.OrderBy(s => s.StoreId, StringComparer.Ordinal))
        {
            if (LastSaleHour(store) is not { } last)
            {
                continue;
            }

            List<StoreDaySummary> past = [.. dates.Select(d => history.StoreDays(d).GetValueOrDefault(store.StoreId)).OfType<StoreDaySummary>()];
            List<int> usual = [.. past.Select(LastSaleHour).OfType<int>()];
            if (usual.Count >= AnomalyDetector.MinimumHistory && last + HoursEarly <= usual.Min()
                && RobustBaseline.MedianOf([.. past.Select(p => (decimal)p.Totals.Transactions)]) >= MinimumUsualTransactions)
            {
                found.Add(new IncompleteDay(store.StoreId, last, usual.Min(), usual.Count));
            }
        }

        return found;
    }

    private static int? LastSaleHour(StoreDaySummary store) =>
        store.Hours.LastOrDefault(h => h.Transactions > 0) is { } hour ? hour.Hour : null;
}
