using Analytics.Domain.Sales;

namespace Analytics.Domain.Uploads;

/// <summary>Turns running entries into the ordinally sorted lists of a <see cref="StoreDaySummary"/>.</summary>
internal static class StoreDaySummaryLists
{
    public static List<CategorySales> Categories(Utf8KeyMap<CategoryEntry> entries)
    {
        var list = new List<CategorySales>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var c = entries[i];
            list.Add(new CategorySales(c.Category, c.Transactions, c.Units, c.Lines, MoneyTicks.ToDecimal(c.GrossTicks), MoneyTicks.ToDecimal(c.DiscountTicks),
                                       c.ReturnTransactions, c.UnitsReturned, c.ReturnLines, MoneyTicks.ToDecimal(c.ReturnTicks)));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Category, b.Category));
        return list;
    }

    public static List<PaymentMethodSales> PaymentMethods(Utf8KeyMap<PaymentEntry> entries)
    {
        var list = new List<PaymentMethodSales>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var p = entries[i];
            list.Add(new PaymentMethodSales(p.Method, p.Transactions, MoneyTicks.ToDecimal(p.NetTicks - p.ReturnTicks), p.ReturnTransactions, MoneyTicks.ToDecimal(p.ReturnTicks)));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.PaymentMethod, b.PaymentMethod));
        return list;
    }

    public static List<SkuSales> Skus(Utf8KeyMap<SkuEntry> entries)
    {
        var sorted = SkuOrder.Sort(entries);
        var list = new List<SkuSales>(sorted.Length);
        foreach (var s in sorted)
        {
            list.Add(new SkuSales(s.Sku, s.Name, s.Category, s.Units, s.Lines, MoneyTicks.ToDecimal(s.GrossTicks), MoneyTicks.ToDecimal(s.DiscountTicks),
                                  s.UnitsReturned, s.ReturnLines, MoneyTicks.ToDecimal(s.ReturnTicks)));
        }

        return list;
    }
}
