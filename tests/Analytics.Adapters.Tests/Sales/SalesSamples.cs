using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Sales;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>Store-day records with exact 3-decimal amounts, deterministic for a given seed.</summary>
internal static class SalesSamples
{
    public static readonly DateOnly Day = new(2025, 1, 15);

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ";

    /// <summary>
    /// A record of <paramref name="upload"/> (a name, see <see cref="UploadId"/>) at <paramref name="revision"/>; amounts
    /// scale with <paramref name="factor"/>.
    /// </summary>
    public static StoreDayRecord Record(
        string storeId, DateOnly date, long revision = 1, string upload = "a", decimal factor = 1m, int skuCount = 3,
        int skuNameLength = 16, int seed = 1) =>
        new(storeId, date, revision, UploadId(upload), $"uploads/{storeId}/{date:yyyy-MM-dd}-{upload}.json",
            Summary(storeId, date, factor, skuCount, skuNameLength, seed));

    /// <summary>A record of <paramref name="upload"/> that withdraws the store-day.</summary>
    public static StoreDayRecord Withdrawal(string storeId, DateOnly date, long revision, string upload) =>
        new(storeId, date, revision, UploadId(upload), $"uploads/{storeId}/{date:yyyy-MM-dd}-{upload}.json", null);

    /// <summary><see cref="Record"/> with returns booked on its day, in every part of the summary.</summary>
    public static StoreDayRecord RecordWithReturns(string storeId, DateOnly date, long revision = 1, string upload = "r", decimal factor = 1m)
    {
        var record = Record(storeId, date, revision, upload, factor);
        return record with { Summary = WithReturns(record.Summary!, factor) };
    }

    /// <summary>16 lower-case hex characters derived from <paramref name="name"/>, as upload processing derives upload ids.</summary>
    public static string UploadId(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 8);

    public static StoreDaySummary Summary(string storeId, DateOnly date, decimal factor = 1m, int skuCount = 3, int skuNameLength = 16, int seed = 1)
    {
        var random = new Random(seed);
        List<SkuSales> skus =
        [
            .. Enumerable.Range(0, skuCount).Select(i => new SkuSales(
                $"SKU-{i:D6}", RandomName(random, skuNameLength), i % 2 == 0 ? "Coffee" : "Tea",
                Units: i + 1, Lines: 1, GrossSales: (i + 0.001m) * factor, Discounts: 0.001m * factor)),
        ];
        return new StoreDaySummary
        {
            StoreId = storeId,
            BusinessDate = date,
            Currency = "USD",
            Totals = new SalesTotals(7, 12, 9, 8747561.663m * factor, 0.001m * factor),
            Hours = [new HourSales(9, 3, 5, 0.001m * factor), new HourSales(17, 4, 7, 8747561.661m * factor)],
            Categories =
            [
                new CategorySales("Coffee", 5, 8, 6, 8747000.123m * factor, 0.001m * factor),
                new CategorySales("Tea \"green\" <b>", 2, 4, 3, 561.540m * factor, 0m),
            ],
            PaymentMethods = [new PaymentMethodSales("card", 6, 8747561.002m * factor), new PaymentMethodSales("cash", 1, 0.660m * factor)],
            Skus = skus,
            LargestSales =
            [
                new ReceiptSummary("T-0001", new DateTimeOffset(date.ToDateTime(new TimeOnly(17, 5, 9)), TimeSpan.FromHours(-5)), 8747000.122m * factor, 3, 2,
                                   new ReceiptLine("SKU-000000", "Beans", "Coffee", 2, 4373500.0615m, 8747000.122m * factor), 8747000.122m * factor),
                new ReceiptSummary("T-0002 \"b\"", new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), 0.001m * factor, 1, 1,
                                   new ReceiptLine("SKU-é", "Tea \"green\" <b>", "Tea \"green\" <b>", 1, 0.001m, 0.001m * factor), 0.001m * factor),
            ],
        };
    }

    /// <summary><paramref name="summary"/> with exact 3-decimal refunds: 2 returns of 3 units over 3 lines, 10.005 in all;
    /// the smaller (0.001) names no original sale.</summary>
    public static StoreDaySummary WithReturns(StoreDaySummary summary, decimal factor = 1m) => summary with
    {
        Totals = summary.Totals with { ReturnTransactions = 2, UnitsReturned = 3, ReturnLines = 3, Returns = 10.005m * factor },
        Hours = [summary.Hours[0] with { NetRevenue = summary.Hours[0].NetRevenue - (10.005m * factor), ReturnTransactions = 2, UnitsReturned = 3, Returns = 10.005m * factor },
                 .. summary.Hours.Skip(1), new HourSales(20, 0, 0, -0.001m * factor, 1, 1, 0.001m * factor)],
        Categories = [summary.Categories[0] with { ReturnTransactions = 2, UnitsReturned = 3, ReturnLines = 3, Returns = 10.005m * factor }, .. summary.Categories.Skip(1)],
        PaymentMethods = [.. summary.PaymentMethods, new PaymentMethodSales("voucher", 0, -10.005m * factor, 2, 10.005m * factor)],
        Skus = [summary.Skus[0] with { UnitsReturned = 3, ReturnLines = 3, Returns = 10.005m * factor }, .. summary.Skus.Skip(1),
                new SkuSales("SKU-RETURNED", "Returned only", "Tea", 0, 0, 0m, 0m, 1, 1, 0.001m * factor)],
        LargestReturns =
        [
            new ReceiptSummary("R-1", new DateTimeOffset(summary.BusinessDate.ToDateTime(new TimeOnly(20, 1)), TimeSpan.FromHours(-5)), 10.004m * factor, 2, 2,
                               new ReceiptLine("SKU-000000", "Beans", "Coffee", 1, 10.003m, 10.003m * factor), 10.004m * factor),
        ],
        ReturnTransactionsWithoutOriginal = 1,
        ReturnsWithoutOriginal = 0.001m * factor,
    };

    private static string RandomName(Random random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
}
