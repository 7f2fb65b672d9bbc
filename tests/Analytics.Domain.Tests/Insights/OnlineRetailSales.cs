using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;
using Analytics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Domain.Tests.Insights;

/// <summary>
/// The real retailer's store-days (../shared/datasets/online-retail), read from the day files with the domain's
/// <see cref="UploadReader"/> (categories need them), checked against <c>expected.json</c>'s exact chain series, and
/// histories for any business date built as <see cref="SalesHistoryPlan"/> loads them.
/// </summary>
internal sealed class OnlineRetailSales
{
    private static readonly Lazy<Task<OnlineRetailSales>> Shared = new(LoadAsync);

    private OnlineRetailSales(SortedDictionary<DateOnly, IReadOnlyList<StoreDaySummary>> days)
    {
        Days = days;
        First = days.Keys.First();
        Last = days.Keys.Last();
    }

    /// <summary>The store-days of every date with sales (totals and categories; no hours, payments or SKUs).</summary>
    public SortedDictionary<DateOnly, IReadOnlyList<StoreDaySummary>> Days { get; }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public static Task<OnlineRetailSales> LoadOnceAsync() => Shared.Value;

    public IReadOnlyList<StoreDaySummary> On(DateOnly date) => Days.GetValueOrDefault(date) ?? [];

    /// <summary>The history of <paramref name="date"/>: the chain's D − 56 … D − 1 and store totals on D − 27 … D − 1
    /// (<c>HistoryParts.StoreTrend</c>); dates outside the data set are loaded as days without sales, as the store
    /// would answer.</summary>
    public SalesHistory History(DateOnly date) => HistoryOf(date, SalesHistoryPlan.For(date).StoreTrendDates, keepCategories: false);

    /// <summary>The history DetectAnomalies loads for <paramref name="date"/> without SKU lines: the chain's D − 56 … D − 1,
    /// store totals with categories on the same weekdays D − 7 … D − 56 (<c>HistoryParts.StoreBaseline</c>) and store
    /// totals on D − 27 … D − 1 (<c>HistoryParts.StoreTrend</c>).</summary>
    public SalesHistory BaselineHistory(DateOnly date) =>
        HistoryOf(date, SalesHistoryPlan.For(date).BaselineDates, keepCategories: true, SalesHistoryPlan.For(date).StoreTrendDates);

    private SalesHistory HistoryOf(DateOnly date, IReadOnlyList<DateOnly> storeDates, bool keepCategories, IReadOnlyList<DateOnly>? totalsOnlyDates = null)
    {
        var plan = SalesHistoryPlan.For(date);
        var builder = new SalesHistoryBuilder(date) { KeepStoreCategories = keepCategories };
        List<ChainDaySummary> chain = [];
        for (var d = plan.ChainFirst; d <= plan.ChainLast; d = d.AddDays(1))
        {
            if (On(d) is { Count: > 0 } stores)
            {
                chain.Add(SalesMerge.ChainDay(d, [.. stores]));
            }
        }

        builder.AddChainDays(plan.ChainFirst, plan.ChainLast, chain);
        foreach (var d in storeDates)
        {
            builder.AddStoreDays(d, SalesDetail.Totals, On(d));
        }

        foreach (var d in (totalsOnlyDates ?? []).Except(storeDates))
        {
            builder.AddStoreDays(d, SalesDetail.TotalsOnly, On(d));
        }

        return builder.Build();
    }

    private static async Task<OnlineRetailSales> LoadAsync()
    {
        var folder = SharedFolder.Path("datasets", "online-retail");
        var reader = new UploadReader(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), Options.Create(new UploadOptions()));
        var days = new SortedDictionary<DateOnly, IReadOnlyList<StoreDaySummary>>();
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "days"), "*.json.gz"))
        {
            List<StoreDaySummary> stores = [];
            await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var result = await reader.ReadAsync(gzip, Path.GetFileName(file), (c, _) =>
            {
                stores.Add(c.Summary with { PaymentMethods = [], Skus = [] });
                return ValueTask.CompletedTask;
            }, CancellationToken.None);
            Assert.True(result.IsValid, $"{file}: {string.Join("; ", result.Problems)}");
            days.Add(stores[0].BusinessDate, stores);
        }

        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "expected.json")));
        var chainDaily = expected.RootElement.GetProperty("chain_daily");
        Assert.Equal(chainDaily.GetArrayLength(), days.Count);
        foreach (var day in chainDaily.EnumerateArray())
        {
            var date = DateOnly.Parse(day.GetProperty("business_date").GetString()!, CultureInfo.InvariantCulture);
            var net = decimal.Parse(day.GetProperty("net_revenue").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
            Assert.Equal(net, days[date].Sum(s => s.Totals.NetRevenue));
        }

        return new OnlineRetailSales(days);
    }
}
