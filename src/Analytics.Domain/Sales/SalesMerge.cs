namespace Analytics.Domain.Sales;

/// <summary>
/// Sums store-days into a chain day, and lists of hours, categories, payment methods or SKU lines by key. Pure and
/// order-independent: the same parts in any order give equal results.
/// </summary>
public static class SalesMerge
{
    /// <summary>The chain's day: the sum of every store's (already merged) day.</summary>
    public static ChainDaySummary ChainDay(DateOnly businessDate, IReadOnlyCollection<StoreDaySummary> stores) => new()
    {
        BusinessDate = businessDate,
        StoresTrading = stores.Select(s => s.StoreId).Distinct(StringComparer.Ordinal).Count(),
        Totals = stores.Aggregate(SalesTotals.Zero, (sum, s) => sum.Add(s.Totals)),
        Hours = Hours(stores.SelectMany(s => s.Hours)),
        Categories = Categories(stores.SelectMany(s => s.Categories)),
        PaymentMethods = PaymentMethods(stores.SelectMany(s => s.PaymentMethods)),
    };

    public static IReadOnlyList<HourSales> Hours(IEnumerable<HourSales> hours) =>
    [
        .. hours.GroupBy(h => h.Hour)
            .Select(g => new HourSales(g.Key, g.Sum(h => h.Transactions), g.Sum(h => h.Units), g.Sum(h => h.NetRevenue),
                                       g.Sum(h => h.ReturnTransactions), g.Sum(h => h.UnitsReturned), g.Sum(h => h.Returns)))
            .OrderBy(h => h.Hour),
    ];

    public static IReadOnlyList<CategorySales> Categories(IEnumerable<CategorySales> categories) =>
    [
        .. categories.GroupBy(c => c.Category, StringComparer.Ordinal)
            .Select(g => new CategorySales(g.Key, g.Sum(c => c.Transactions), g.Sum(c => c.Units), g.Sum(c => c.Lines),
                                           g.Sum(c => c.GrossSales), g.Sum(c => c.Discounts),
                                           g.Sum(c => c.ReturnTransactions), g.Sum(c => c.UnitsReturned), g.Sum(c => c.ReturnLines),
                                           g.Sum(c => c.Returns)))
            .OrderBy(c => c.Category, StringComparer.Ordinal),
    ];

    public static IReadOnlyList<PaymentMethodSales> PaymentMethods(IEnumerable<PaymentMethodSales> methods) =>
    [
        .. methods.GroupBy(m => m.PaymentMethod, StringComparer.Ordinal)
            .Select(g => new PaymentMethodSales(g.Key, g.Sum(m => m.Transactions), g.Sum(m => m.NetRevenue),
                                                g.Sum(m => m.ReturnTransactions), g.Sum(m => m.Returns)))
            .OrderBy(m => m.PaymentMethod, StringComparer.Ordinal),
    ];

    public static IReadOnlyList<SkuSales> Skus(IEnumerable<SkuSales> skus) =>
    [
        .. skus.GroupBy(s => s.Sku, StringComparer.Ordinal)
            .Select(g => new SkuSales(g.Key, First(g.Select(s => s.Name)), First(g.Select(s => s.Category)),
                                      g.Sum(s => s.Units), g.Sum(s => s.Lines), g.Sum(s => s.GrossSales), g.Sum(s => s.Discounts),
                                      g.Sum(s => s.UnitsReturned), g.Sum(s => s.ReturnLines), g.Sum(s => s.Returns)))
            .OrderBy(s => s.Sku, StringComparer.Ordinal),
    ];

    private static string First(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).First();
}
