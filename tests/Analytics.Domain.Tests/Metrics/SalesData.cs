using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Metrics;

/// <summary>One SKU line of a test store-day. Test convention: a line's units are also its transactions, so a
/// category's transactions are the units of its lines; likewise each of the <paramref name="Returned"/> units is one
/// return transaction refunded at the unit price.</summary>
internal sealed record Line(string Sku, string Category, long Units, decimal UnitPrice, decimal Discount = 0m, long Returned = 0)
{
    public decimal Refunded => Returned * UnitPrice;
}

/// <summary>Builds store-days and histories for the analysis tests.</summary>
internal static class SalesData
{
    public static StoreDaySummary StoreDay(string storeId, DateOnly date, int transactions, params Line[] lines)
    {
        List<SkuSales> skus = [.. lines.Select(l => new SkuSales(
                l.Sku, l.Sku + " name", l.Category, l.Units, l.Units > 0 ? 1 : 0, l.Units * l.UnitPrice, l.Discount,
                l.Returned, l.Returned > 0 ? 1 : 0, l.Refunded))
            .OrderBy(s => s.Sku, StringComparer.Ordinal)];
        var returned = skus.Sum(s => s.UnitsReturned);
        var totals = new SalesTotals(
            transactions, skus.Sum(s => s.Units), skus.Sum(s => s.Lines), skus.Sum(s => s.GrossSales), skus.Sum(s => s.Discounts),
            (int)returned, returned, skus.Sum(s => s.ReturnLines), skus.Sum(s => s.Returns));
        return new StoreDaySummary
        {
            StoreId = storeId,
            BusinessDate = date,
            Currency = "USD",
            Totals = totals,
            Hours = [new HourSales(10, transactions, totals.Units, totals.NetRevenue, totals.ReturnTransactions, totals.UnitsReturned, totals.Returns)],
            Categories = SalesMerge.Categories(skus.Select(s => new CategorySales(
                s.Category, (int)s.Units, s.Units, s.Lines, s.GrossSales, s.Discounts, (int)s.UnitsReturned, s.UnitsReturned, s.ReturnLines, s.Returns))),
            PaymentMethods = [new PaymentMethodSales("card", transactions, totals.NetRevenue, totals.ReturnTransactions, totals.Returns)],
            Skus = skus,
        };
    }

    /// <summary>
    /// The history of <paramref name="date"/> loaded exactly as <see cref="SalesHistoryPlan"/> says, from a function
    /// giving every store-day (with SKUs) of a date; dates before <paramref name="firstDate"/> have no data.
    /// </summary>
    public static SalesHistory History(DateOnly date, Func<DateOnly, IReadOnlyList<StoreDaySummary>> storesOn, DateOnly? firstDate = null)
    {
        var plan = SalesHistoryPlan.For(date);
        var first = firstDate ?? DateOnly.MinValue;
        IReadOnlyList<StoreDaySummary> On(DateOnly d) => d < first ? [] : storesOn(d);
        var builder = new SalesHistoryBuilder(date);
        List<ChainDaySummary> chain = [];
        for (var d = plan.ChainFirst; d <= plan.ChainLast; d = d.AddDays(1))
        {
            if (On(d) is { Count: > 0 } stores)
            {
                chain.Add(SalesMerge.ChainDay(d, stores));
            }
        }

        builder.AddChainDays(plan.ChainFirst, plan.ChainLast, chain);
        foreach (var d in plan.TotalsDates)
        {
            builder.AddStoreDays(d, SalesDetail.Totals, On(d).Select(s => s with { Skus = [] }));
        }

        foreach (var d in plan.SkuDates)
        {
            builder.AddStoreDays(d, SalesDetail.WithSkus, On(d));
        }

        return builder.Build();
    }
}
