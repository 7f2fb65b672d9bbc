using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// Books the data set's <c>returns.ndjson</c> onto its store-days: written as upload files of format v2 by the CLI
/// tests' converter (its product lines, one return a cancelled invoice on its own business date and store) and read
/// with the domain's <see cref="UploadReader"/>. A store-day with sales and returns is the sum of the two
/// (their receipt ids differ, so this is what folding the two files gives), largest receipts included; the result is checked against
/// <c>expected-returns.json</c>.
/// </summary>
internal static class OnlineRetailReturns
{
    /// <exception cref="InvalidOperationException">The booked returns differ from <c>expected-returns.json</c>.</exception>
    public static async Task<Dictionary<DateOnly, IReadOnlyList<StoreDaySummary>>> BookAsync(
        Dictionary<DateOnly, IReadOnlyList<StoreDaySummary>> sales, string ndjsonPath, UploadReader reader, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("analytics-noise-returns-");
        try
        {
            // The same upload files the CLI's returns test ingests (linked from tests/Analytics.Cli.Tests).
            var byKey = sales.Values.SelectMany(s => s).ToDictionary(s => new StoreDayKey(s.BusinessDate, s.StoreId));
            foreach (var path in await Analytics.Cli.Tests.OnlineRetailReturns.WriteUploadFilesAsync(ndjsonPath, folder.FullName))
            {
                await using var file = File.OpenRead(path);
                foreach (var returns in await OnlineRetailDays.ReadAsync(reader, file, Path.GetFileName(path), cancellationToken))
                {
                    var key = new StoreDayKey(returns.BusinessDate, returns.StoreId);
                    byKey[key] = byKey.TryGetValue(key, out var sold) ? Sum(sold, returns) : returns;
                }
            }

            await CheckAsync(byKey.Values, Path.Combine(Path.GetDirectoryName(ndjsonPath)!, "expected-returns.json"), cancellationToken);
            return OnlineRetailDays.Group(byKey.Values);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static StoreDaySummary Sum(StoreDaySummary a, StoreDaySummary b) => a with
    {
        Totals = a.Totals.Add(b.Totals),
        Hours = SalesMerge.Hours([.. a.Hours, .. b.Hours]),
        Categories = SalesMerge.Categories([.. a.Categories, .. b.Categories]),
        PaymentMethods = SalesMerge.PaymentMethods([.. a.PaymentMethods, .. b.PaymentMethods]),
        Skus = SalesMerge.Skus([.. a.Skus, .. b.Skus]),
        LargestSales = Largest([.. a.LargestSales, .. b.LargestSales]),
        LargestReturns = Largest([.. a.LargestReturns, .. b.LargestReturns]),
        ReturnTransactionsWithoutOriginal = a.ReturnTransactionsWithoutOriginal + b.ReturnTransactionsWithoutOriginal,
        ReturnsWithoutOriginal = a.ReturnsWithoutOriginal + b.ReturnsWithoutOriginal,
    };

    /// <summary>The largest receipts of both parts as the reader keeps them: largest first, the earlier of equals first.</summary>
    private static List<ReceiptSummary> Largest(IEnumerable<ReceiptSummary> receipts) =>
        [.. receipts.OrderByDescending(r => r.Amount).ThenBy(r => r.Timestamp).Take(StoreDaySummary.MaxLargestReceipts)];

    private static async Task CheckAsync(IEnumerable<StoreDaySummary> storeDays, string expectedPath, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(expectedPath);
        using var expected = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var totals = expected.RootElement.GetProperty("totals");
        var returns = decimal.Parse(totals.GetProperty("returns").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
        var count = totals.GetProperty("store_days").GetInt32();
        var booked = storeDays.ToList();
        if (booked.Count != count || booked.Sum(s => s.Totals.Returns) != returns)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Booked {booked.Count} store-days with {booked.Sum(s => s.Totals.Returns)} of returns; {expectedPath} expects {count} and {returns}."));
        }
    }
}
