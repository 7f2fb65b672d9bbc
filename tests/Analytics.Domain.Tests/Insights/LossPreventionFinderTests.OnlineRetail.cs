using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;
using Analytics.Domain.Uploads;
using Analytics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Insights;

/// <summary>
/// The real retailer's year with its cancellations booked as returns (the CLI tests' converter writes them as upload
/// files of format v2, read here with the <see cref="UploadReader"/>; a store-day with sales and returns is the sum of
/// the two, as folding the two files gives, their receipt ids being apart). The data set links no cancellation to its
/// invoice, so voids are found by content and time alone.
/// </summary>
public sealed class LossPreventionFinderOnlineRetailTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task Find_TheYearWithItsCancellations_TheTwoHugeOrdersCancelledWithinTheHourAreHighVoids_AndFindingsAreRare_ThoughNoRefundNamesItsSale()
    {
        var sales = await OnlineRetailSales.LoadOnceAsync();
        var days = await WithReturnsAsync(sales);
        List<(DateOnly Date, LossFinding Finding)> all = [];
        foreach (var (date, day) in days.Where(d => sales.On(d.Key).Count > 0))
        {
            // The history as the steps load it, returns and SKU weeks included (SKU lines are the refunded ones: the
            // sales are read without theirs), so each SKU's refunds are judged against its own.
            all.AddRange(LossPreventionFinder.Find(day, SalesData.History(date, d => days.GetValueOrDefault(d) ?? [])).Select(f => (date, f)));
        }

        foreach (var (date, finding) in all)
        {
            output.WriteLine($"{date:yyyy-MM-dd} {finding.Kind} {finding.Severity}: {finding.Describe()}");
        }

        var tradingDays = sales.Days.Count;
        var voids = all.Where(f => f.Finding.Kind == LossFindingKind.SameDayVoid).ToList();
        var skus = all.Where(f => f.Finding.Kind == LossFindingKind.SkuReturns).ToList();
        var unlinked = all.Where(f => f.Finding.Kind == LossFindingKind.RefundsWithoutSale).ToList();
        output.WriteLine($"{tradingDays} trading days: {voids.Count} same-day voids, {skus.Count} SKU returns findings, {unlinked.Count} refunds without a sale");

        // The data set links no cancellation to its invoice: every refund is one without an original sale.
        var storeDays = days.Values.SelectMany(d => d).ToList();
        Assert.Equal(storeDays.Sum(s => s.Totals.Returns), storeDays.Sum(s => s.ReturnsWithoutOriginal));
        Assert.Equal(storeDays.Sum(s => s.Totals.ReturnTransactions), storeDays.Sum(s => s.ReturnTransactionsWithoutOriginal));

        var december = Assert.Single(voids, v => v.Date == new DateOnly(2011, 12, 9) && v.Finding.Sale!.Id == "581483").Finding;
        Assert.Equal(("C581484", 12, AnomalySeverity.High, 168469.60m), (december.Refund!.Id, december.MinutesToRefund, december.Severity, december.AtStake));
        Assert.Equal(("23843", 80995L), (december.Sku, december.Units));
        var january = Assert.Single(voids, v => v.Date == new DateOnly(2011, 1, 18) && v.Finding.Sale!.Id == "541431").Finding;
        Assert.Equal(("23166", 74215L, AnomalySeverity.High), (january.Sku, january.Units, january.Severity));
        Assert.All(skus, f => Assert.NotNull(f.Finding.UsualRefunds)); // each judged against its own refunds
        // A chain reads these every day: at most one finding of each kind per ten trading days.
        Assert.True(voids.Count <= tradingDays / 10, $"{voids.Count} voids in {tradingDays} days");
        Assert.True(skus.Count <= tradingDays / 10, $"{skus.Count} SKU findings in {tradingDays} days");
        Assert.True(unlinked.Count <= tradingDays / 10, $"{unlinked.Count} findings of refunds without a sale in {tradingDays} days");
    }

    /// <summary>Every date's store-days with the returns booked: a store-day of sales and returns summed, a store-day
    /// of returns alone as read.</summary>
    private static async Task<SortedDictionary<DateOnly, IReadOnlyList<StoreDaySummary>>> WithReturnsAsync(OnlineRetailSales sales)
    {
        var folder = Directory.CreateTempSubdirectory("loss-prevention-returns-");
        try
        {
            var reader = new UploadReader(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), Options.Create(new UploadOptions()));
            var byKey = sales.Days.Values.SelectMany(d => d).ToDictionary(s => (s.BusinessDate, s.StoreId));
            var ndjson = SharedFolder.Path("datasets", "online-retail", "returns.ndjson");
            foreach (var path in await Analytics.Cli.Tests.OnlineRetailReturns.WriteUploadFilesAsync(ndjson, folder.FullName))
            {
                await using var file = File.OpenRead(path);
                var result = await reader.ReadAsync(file, Path.GetFileName(path), (c, _) =>
                {
                    var returns = c.Summary;
                    var key = (returns.BusinessDate, returns.StoreId);
                    byKey[key] = byKey.TryGetValue(key, out var sold) ? Sum(sold, returns) : returns;
                    return ValueTask.CompletedTask;
                }, CancellationToken.None);
                Assert.True(result.IsValid, $"{path}: {string.Join("; ", result.Problems)}");
            }

            return new SortedDictionary<DateOnly, IReadOnlyList<StoreDaySummary>>(
                byKey.Values.GroupBy(s => s.BusinessDate).ToDictionary(g => g.Key, g => (IReadOnlyList<StoreDaySummary>)[.. g.OrderBy(s => s.StoreId, StringComparer.Ordinal)]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A store-day of sales (as <see cref="OnlineRetailSales"/> keeps it: no SKUs) and one of returns.</summary>
    private static StoreDaySummary Sum(StoreDaySummary sold, StoreDaySummary returned) => sold with
    {
        Totals = sold.Totals.Add(returned.Totals),
        Categories = SalesMerge.Categories([.. sold.Categories, .. returned.Categories]),
        Skus = SalesMerge.Skus([.. sold.Skus, .. returned.Skus]),
        LargestReturns = returned.LargestReturns,
        ReturnTransactionsWithoutOriginal = returned.ReturnTransactionsWithoutOriginal,
        ReturnsWithoutOriginal = returned.ReturnsWithoutOriginal,
    };
}
