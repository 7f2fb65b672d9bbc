using Analytics.Domain.Exports;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Exports;

/// <summary>The scale target: 10,000 stores selling 20,000 SKUs between them. Never asserts on wall-clock time.</summary>
public sealed class QuickSightExporterScaleTests(ITestOutputHelper output)
{
    private const int Stores = 10_000;
    private const int Skus = 20_000;
    private const int LinesPerStore = 20;
    private const long PartBytes = 1L << 20;
    private static readonly DateOnly Day = ExportData.Day;

    [Fact]
    public async Task ExportAsync_TenThousandStoresTwentyThousandSkus_SplitsIntoBoundedParts()
    {
        var day = Chain();
        var insights = ExportData.Insights() with
        {
            Company = ExportData.Company with
            {
                StoreRanking = [.. day.Select((s, i) => new StoreRank(i + 1, s.StoreId, s.Totals.NetRevenue, s.Totals.Transactions, 1m, 0.01m, null))],
            },
        };
        var store = new InMemoryObjectStore();

        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var export = await new QuickSightExporter(store, PartBytes).ExportAsync(insights, day, CancellationToken.None);
        output.WriteLine($"export: {watch.ElapsedMilliseconds} ms, {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1_000_000} MB allocated (reported, not asserted)");

        var stores = export.Datasets.Single(d => d.Name == QuickSightDatasets.StoreDaily);
        var products = export.Datasets.Single(d => d.Name == QuickSightDatasets.ProductDaily);
        Assert.Equal((Stores, Skus), (stores.Rows, products.Rows));
        Assert.True(stores.Parts > 1 && products.Parts > 1);
        foreach (var dataset in new[] { stores, products })
        {
            var keys = store.Keys(dataset.PartitionPrefix);
            Assert.Equal(dataset.Parts, keys.Count);
            Assert.Equal(dataset.Bytes, keys.Sum(k => (long)store.Content(k).Length));
            Assert.All(keys, k => Assert.InRange(store.Content(k).Length, 1, PartBytes + 1_000)); // a part ends at the row crossing the limit
            output.WriteLine($"{dataset.Name}: {dataset.Rows} rows, {dataset.Parts} parts, {dataset.Bytes:N0} bytes");
        }

        var skuRows = ExportedRows.Read(store, QuickSightDatasets.ProductDaily, Day);
        Assert.Equal(Skus, skuRows.Select(r => r.Text("sku")).Distinct().Count());
        Assert.Equal(Stores * LinesPerStore, skuRows.Sum(r => r.GetProperty("stores_selling").GetInt32()));
    }

    /// <summary>Store s sells SKUs 2s … 2s + 19 (mod 20,000), so every SKU is sold by 10 stores.</summary>
    private static List<StoreDaySummary> Chain() =>
    [
        .. Enumerable.Range(0, Stores).Select(s =>
        {
            List<SkuSales> lines =
            [
                .. Enumerable.Range(0, LinesPerStore).Select(j => (2 * s + j) % Skus)
                    .Select(k => new SkuSales($"SKU-{k:D6}", $"Product {k}", $"Category {k % 40}", 2, 1, 7.25m, 0.50m)),
            ];
            var totals = new SalesTotals(LinesPerStore, lines.Sum(l => l.Units), lines.Count, lines.Sum(l => l.GrossSales), lines.Sum(l => l.Discounts));
            return new StoreDaySummary
            {
                StoreId = $"store-{s:D5}", BusinessDate = Day, Currency = "USD", Totals = totals,
                Hours = [], Categories = [], PaymentMethods = [], Skus = lines,
            };
        }),
    ];
}
