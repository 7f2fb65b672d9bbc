using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Exports;

/// <summary>
/// <c>product_daily</c>: one row per SKU sold or returned anywhere in the chain on the date, from the store-days' SKU
/// lines, ranked by net revenue (1 is the highest; ties by SKU ordinal) and written in rank order. <c>net_revenue</c> =
/// <c>gross_sales</c> − <c>discounts</c> − <c>returns</c> (refunded, positive, for <c>units_returned</c> units), so a SKU
/// that was only brought back has 0 units, a negative net revenue and ranks last; <c>return_rate</c> is returns /
/// (gross − discounts), 4 places, 0 without sales; <c>stores_selling</c> counts the stores that sold it. Memory is one
/// accumulator per SKU, not per store and SKU. Name and category are the ordinal-smallest seen for the SKU, as in
/// <see cref="SkuSales"/>, so the result does not depend on the order of stores. <c>revenue_share_pct</c> is the
/// percentage of chain net revenue (<see cref="CompanyMetrics.NetRevenue"/>), as <see cref="SkuRank.Share"/> is.
/// </summary>
internal static class ProductDailyRows
{
    public static ExportTable<Row> Table { get; } = new ExportTable<Row>()
        .Text("sku", r => r.Sku.Sku)
        .Text("name", r => r.Sku.Name)
        .Text("category", r => r.Sku.Category)
        .Text("currency", r => r.Company.Currency)
        .Integer("units", r => r.Sku.Units)
        .Decimal("gross_sales", r => r.Sku.GrossSales)
        .Decimal("discounts", r => r.Sku.Discounts)
        .Integer("units_returned", r => r.Sku.UnitsReturned)
        .Decimal("returns", r => r.Sku.Returns)
        .Decimal("net_revenue", r => r.NetRevenue)
        .Integer("stores_selling", r => r.Sku.Stores)
        .Integer("revenue_rank", r => r.Rank)
        .Decimal("revenue_share_pct", r => SalesMath.Share(r.NetRevenue, r.Company.NetRevenue))
        .Decimal("return_rate", r => SalesAmounts.ReturnRate(r.Sku.Returns, r.Sku.GrossSales - r.Sku.Discounts));

    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, IReadOnlyList<StoreDaySummary> day,
                                        CancellationToken cancellationToken)
    {
        Dictionary<string, SkuDay> skus = new(StringComparer.Ordinal);
        foreach (var store in day)
        {
            foreach (var line in store.Skus)
            {
                if (!skus.TryGetValue(line.Sku, out var sku))
                {
                    skus.Add(line.Sku, sku = new SkuDay(line.Sku, line.Name, line.Category));
                }

                sku.Add(line);
            }
        }

        var ranked = skus.Values.OrderByDescending(s => s.NetRevenue).ThenBy(s => s.Sku, StringComparer.Ordinal);
        var rank = 0;
        foreach (var sku in ranked)
        {
            await Table.WriteAsync(rows, new Row(sku, ++rank, insights.Company), cancellationToken);
        }
    }

    /// <summary>A SKU's sums at its rank, with the chain's figures its share is of.</summary>
    internal sealed record Row(SkuDay Sku, int Rank, CompanyMetrics Company)
    {
        public decimal NetRevenue => Sku.NetRevenue;
    }

    /// <summary>A SKU's chain-wide sums; a store-day has at most one line per SKU, so each line that sold units is one
    /// more store selling it.</summary>
    internal sealed class SkuDay(string sku, string name, string category)
    {
        public string Sku { get; } = sku;
        public string Name { get; private set; } = name;
        public string Category { get; private set; } = category;
        public long Units { get; private set; }
        public decimal GrossSales { get; private set; }
        public decimal Discounts { get; private set; }
        /// <summary>Refunded, positive.</summary>
        public decimal Returns { get; private set; }
        public long UnitsReturned { get; private set; }
        public int Stores { get; private set; }

        /// <summary>Net sales less returns.</summary>
        public decimal NetRevenue => GrossSales - Discounts - Returns;

        public void Add(SkuSales line)
        {
            Units += line.Units;
            GrossSales += line.GrossSales;
            Discounts += line.Discounts;
            Returns += line.Returns;
            UnitsReturned += line.UnitsReturned;
            if (line.Units > 0)
            {
                Stores++;
            }
            if (string.CompareOrdinal(line.Name, Name) < 0)
            {
                Name = line.Name;
            }

            if (string.CompareOrdinal(line.Category, Category) < 0)
            {
                Category = line.Category;
            }
        }
    }
}
