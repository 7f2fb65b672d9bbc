using System.Globalization;
using System.Security.Cryptography;
using Amazon.DynamoDBv2.Model;
using Analytics.Domain.Sales;

namespace Analytics.Functions.Aws;

/// <summary>
/// Translates contributions to and from the items of the sales table: one head item per contribution (totals as
/// numbers, the small parts as gzip JSON) and its SKU lines in gzip JSON part items of at most
/// <see cref="MaxPartBytes"/> each. See docs/architecture.md for keys and write order.
/// </summary>
internal static class SalesItems
{
    /// <summary>Largest compressed SKU body in one part item: well under DynamoDB's 400 KB item limit.</summary>
    public const int MaxPartBytes = 300 * 1024;

    public const string Store = "store";
    public const string Date = "date";
    public const string ContributionId = "cid";
    public const string SourceKey = "src";
    public const string Currency = "cur";
    public const string Transactions = "tx";
    public const string Units = "units";
    public const string Lines = "lines";
    public const string GrossSales = "gross";
    public const string Discounts = "disc";
    public const string ReturnTransactions = "rtx";
    public const string UnitsReturned = "runits";
    public const string ReturnLines = "rlines";
    public const string Returns = "ret";
    public const string Breakdown = "bd";
    public const string Version = "ver";
    public const string PartCount = "pc";
    public const string PartIndex = "n";
    public const string Skus = "skus";

    /// <summary>Head attributes a Totals read needs (no keys, source, version).</summary>
    public static readonly IReadOnlyList<string> TotalsAttributes =
        [Store, Date, Currency, Transactions, Units, Lines, GrossSales, Discounts, ReturnTransactions, UnitsReturned, ReturnLines, Returns, Breakdown];

    /// <summary>Head attributes a read with SKU lines needs: the totals ones plus what identifies the parts.</summary>
    public static readonly IReadOnlyList<string> HeadWithPartsAttributes =
        [.. TotalsAttributes, ContributionId, Version, PartCount];

    /// <summary>The head and SKU parts of a contribution, ready to put; parts must be written before the head.</summary>
    public static ContributionItems ToItems(StoreDayContribution contribution)
    {
        var summary = contribution.Summary;
        var version = ContentVersion(contribution);
        var chunks = ChunkSkus(summary.Skus);
        var parts = new List<Dictionary<string, AttributeValue>>(chunks.Count);
        for (var index = 0; index < chunks.Count; index++)
        {
            parts.Add(new()
            {
                [SalesKeys.PartitionKey] = S(SalesKeys.SkusPartition(summary.BusinessDate)),
                [SalesKeys.SortKey] = S(SalesKeys.PartSort(summary.StoreId, contribution.ContributionId, version, index)),
                [Store] = S(summary.StoreId),
                [ContributionId] = S(contribution.ContributionId),
                [Version] = S(version),
                [PartIndex] = N(index),
                [Skus] = new AttributeValue { B = new MemoryStream(chunks[index]) },
            });
        }

        var head = new Dictionary<string, AttributeValue>
        {
            [SalesKeys.PartitionKey] = S(SalesKeys.DayPartition(summary.BusinessDate)),
            [SalesKeys.SortKey] = S(SalesKeys.HeadSort(summary.StoreId, contribution.ContributionId)),
            [SalesKeys.Gsi1PartitionKey] = S(SalesKeys.StorePartition(summary.StoreId)),
            [SalesKeys.Gsi1SortKey] = S(SalesKeys.StoreDaySort(summary.BusinessDate, contribution.ContributionId)),
            [Store] = S(summary.StoreId),
            [Date] = S(SalesKeys.Date(summary.BusinessDate)),
            [ContributionId] = S(contribution.ContributionId),
            [SourceKey] = S(contribution.SourceKey),
            [Currency] = S(summary.Currency),
            [Transactions] = N(summary.Totals.Transactions),
            [Units] = N(summary.Totals.Units),
            [Lines] = N(summary.Totals.Lines),
            [GrossSales] = N(summary.Totals.GrossSales),
            [Discounts] = N(summary.Totals.Discounts),
            [Breakdown] = new AttributeValue { B = new MemoryStream(Gzip.Compress(SalesJson.SerializeBreakdown(summary))) },
            [Version] = S(version),
            [PartCount] = N(parts.Count),
        };
        AddReturnTotals(head, summary.Totals);
        return new ContributionItems(head, parts, version);
    }

    /// <summary>The key of a contribution's head.</summary>
    public static Dictionary<string, AttributeValue> HeadKey(DateOnly date, string storeId, string contributionId) => new()
    {
        [SalesKeys.PartitionKey] = S(SalesKeys.DayPartition(date)),
        [SalesKeys.SortKey] = S(SalesKeys.HeadSort(storeId, contributionId)),
    };

    /// <summary>The key of one SKU part.</summary>
    public static Dictionary<string, AttributeValue> PartKey(DateOnly date, string storeId, string contributionId, string version, int index) => new()
    {
        [SalesKeys.PartitionKey] = S(SalesKeys.SkusPartition(date)),
        [SalesKeys.SortKey] = S(SalesKeys.PartSort(storeId, contributionId, version, index)),
    };

    /// <summary>A store-day (SKU lines empty) from a head read with at least <see cref="TotalsAttributes"/>.</summary>
    public static StoreDaySummary ToSummary(Dictionary<string, AttributeValue> head)
    {
        var header = new StoreDaySummary
        {
            StoreId = head[Store].S,
            BusinessDate = DateOnly.ParseExact(head[Date].S, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Currency = head[Currency].S,
            Totals = new SalesTotals(
                int.Parse(head[Transactions].N, CultureInfo.InvariantCulture),
                long.Parse(head[Units].N, CultureInfo.InvariantCulture),
                int.Parse(head[Lines].N, CultureInfo.InvariantCulture),
                ParseDecimal(head[GrossSales].N),
                ParseDecimal(head[Discounts].N),
                head.TryGetValue(ReturnTransactions, out var returnTransactions) ? int.Parse(returnTransactions.N, CultureInfo.InvariantCulture) : 0,
                head.TryGetValue(UnitsReturned, out var unitsReturned) ? long.Parse(unitsReturned.N, CultureInfo.InvariantCulture) : 0,
                head.TryGetValue(ReturnLines, out var returnLines) ? int.Parse(returnLines.N, CultureInfo.InvariantCulture) : 0,
                head.TryGetValue(Returns, out var returns) ? ParseDecimal(returns.N) : 0m),
            Hours = [],
            Categories = [],
            PaymentMethods = [],
            Skus = [],
        };
        return SalesJson.WithBreakdown(header, Gzip.Decompress(head[Breakdown].B));
    }

    /// <summary>
    /// The return totals, on a head whose store-day has returns: a head without them (every head written before
    /// returns existed) reads as none, so items of days without returns stay as they were.
    /// </summary>
    private static void AddReturnTotals(Dictionary<string, AttributeValue> head, SalesTotals totals)
    {
        if (totals is { ReturnTransactions: 0, UnitsReturned: 0, ReturnLines: 0, Returns: 0m })
        {
            return;
        }

        head[ReturnTransactions] = N(totals.ReturnTransactions);
        head[UnitsReturned] = N(totals.UnitsReturned);
        head[ReturnLines] = N(totals.ReturnLines);
        head[Returns] = N(totals.Returns);
    }

    /// <summary>The SKU lines of one part item.</summary>
    public static IReadOnlyList<SkuSales> ToSkus(Dictionary<string, AttributeValue> part) =>
        SalesJson.DeserializeSkus(Gzip.Decompress(part[Skus].B));

    public static int ToInt(AttributeValue value) => int.Parse(value.N, CultureInfo.InvariantCulture);

    /// <summary>A hash of the contribution's stored body: equal content gives an equal version, so re-saving is idempotent.</summary>
    private static string ContentVersion(StoreDayContribution contribution) =>
        Convert.ToHexStringLower(SHA256.HashData(SalesJson.SerializeSummary(contribution.Summary)), 0, 8);

    /// <summary>
    /// Gzip JSON chunks of the SKU lines, each at most <see cref="MaxPartBytes"/> (unless a single line is larger,
    /// which DynamoDB then rejects). Splits evenly by the estimated chunk count, then halves any chunk still too big.
    /// </summary>
    private static List<byte[]> ChunkSkus(IReadOnlyList<SkuSales> skus)
    {
        var chunks = new List<byte[]>();
        if (skus.Count == 0)
        {
            return chunks;
        }

        var whole = Gzip.Compress(SalesJson.SerializeSkus(skus));
        if (whole.Length <= MaxPartBytes)
        {
            chunks.Add(whole);
            return chunks;
        }

        var count = (int)Math.Ceiling(whole.Length / (MaxPartBytes * 0.9));
        var size = (int)Math.Ceiling(skus.Count / (double)count);
        foreach (var slice in skus.Chunk(size))
        {
            AddChunks(slice, chunks);
        }

        return chunks;
    }

    private static void AddChunks(SkuSales[] skus, List<byte[]> chunks)
    {
        var compressed = Gzip.Compress(SalesJson.SerializeSkus(skus));
        if (compressed.Length <= MaxPartBytes || skus.Length == 1)
        {
            chunks.Add(compressed);
            return;
        }

        var half = skus.Length / 2;
        AddChunks(skus[..half], chunks);
        AddChunks(skus[half..], chunks);
    }

    private static decimal ParseDecimal(string value) =>
        decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static AttributeValue N(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
