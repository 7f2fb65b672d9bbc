using Analytics.Domain.Sales;

namespace Analytics.Domain.Uploads;

/// <summary>Turns running entries into the ordinally sorted lists of a <see cref="StoreDaySummary"/>.</summary>
internal static class StoreDaySummaryLists
{
    public static List<CategorySales> Categories(IEnumerable<CategoryEntry> entries)
    {
        var list = new List<CategorySales>();
        foreach (var c in entries)
        {
            list.Add(new CategorySales(c.Category, c.Transactions, c.Units, c.Lines, c.GrossSales, c.Discounts));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Category, b.Category));
        return list;
    }

    public static List<PaymentMethodSales> PaymentMethods(IEnumerable<PaymentEntry> entries)
    {
        var list = new List<PaymentMethodSales>();
        foreach (var p in entries)
        {
            list.Add(new PaymentMethodSales(p.Method, p.Transactions, p.NetRevenue));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.PaymentMethod, b.PaymentMethod));
        return list;
    }

    public static List<SkuSales> Skus(IEnumerable<SkuEntry> entries)
    {
        var list = new List<SkuSales>();
        foreach (var s in entries)
        {
            list.Add(new SkuSales(s.Sku, s.Name, s.Category, s.Units, s.Lines, s.GrossSales, s.Discounts));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Sku, b.Sku));
        return list;
    }
}
