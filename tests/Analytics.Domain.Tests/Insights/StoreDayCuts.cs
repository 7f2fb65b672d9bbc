using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Insights;

/// <summary>Store-days with part of their trade taken out, as the drop tests plant them.</summary>
internal static class StoreDayCuts
{
    /// <summary>The store-day with every other transaction removed: half its transactions, units, lines and amounts.</summary>
    public static StoreDaySummary Halved(StoreDaySummary day) => day with
    {
        Totals = day.Totals with
        {
            Transactions = day.Totals.Transactions / 2, Units = day.Totals.Units / 2, Lines = day.Totals.Lines / 2,
            GrossSales = day.Totals.GrossSales / 2, Discounts = day.Totals.Discounts / 2,
        },
        Categories = [.. day.Categories.Select(c => c with
        {
            Transactions = c.Transactions / 2, Units = c.Units / 2, Lines = c.Lines / 2, GrossSales = c.GrossSales / 2, Discounts = c.Discounts / 2,
        })],
    };
}
