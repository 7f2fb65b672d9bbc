using Analytics.Domain.Sales;

namespace Analytics.Domain.Analysis;

/// <summary>
/// The chain's daily figures from <see cref="First"/> to <see cref="Last"/> (days without sales left out), read once
/// per daily-analysis run by GetStoreSummaries and kept under the run's prefix: at 10,000 stores the 56 days are
/// 560,000 store-day rows, which every step would otherwise read again from the sales store.
/// </summary>
public sealed record ChainHistory(DateOnly First, DateOnly Last, IReadOnlyList<ChainDaySummary> Days)
{
    /// <summary>Days of history a run keeps: the analysed date and the <see cref="Metrics.SalesHistoryPlan"/>'s 56 before it.</summary>
    public const int RunDays = 7 * Metrics.SalesHistoryPlan.BaselineWeeks + 1;

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/>, which must lie within this history.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not within <see cref="First"/>..<see cref="Last"/>.</exception>
    public IReadOnlyList<ChainDaySummary> Between(DateOnly first, DateOnly last)
    {
        if (first < First || last > Last)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"{first:O}..{last:O} is not within the kept history {First:O}..{Last:O}.");
        }

        return [.. Days.Where(d => d.BusinessDate >= first && d.BusinessDate <= last)];
    }
}
