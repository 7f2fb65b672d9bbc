using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Analytics.Domain.Sales;

namespace Analytics.Functions.Aws;

/// <summary>
/// Translates store-day records to and from the items of the sales table: one head item per record (totals as
/// numbers, the small parts as gzip JSON; a withdrawn record only its keys and <see cref="Withdrawn"/>), its SKU
/// lines in gzip JSON part items of at most <see cref="MaxPartBytes"/> each, and one commit marker per upload and
/// date. See docs/architecture.md for keys and write order.
/// </summary>
internal static class SalesItems
{
    /// <summary>Largest compressed SKU body in one part item: well under DynamoDB's 400 KB item limit.</summary>
    public const int MaxPartBytes = 300 * 1024;

    public const string Store = "store";
    public const string Date = "date";
    public const string Revision = "rev";
    public const string UploadId = "up";
    public const string Withdrawn = "wd";
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
    public const string PartCount = "pc";
    public const string Skus = "skus";

    /// <summary>What a read needs to tell heads from markers and pick each store-day's record.</summary>
    public static readonly IReadOnlyList<string> SelectionAttributes = [SalesKeys.SortKey, Store, Date, Revision, UploadId, Withdrawn];

    /// <summary>Head attributes a Totals read needs: the selection ones plus the figures (no source).</summary>
    public static readonly IReadOnlyList<string> TotalsAttributes =
        [.. SelectionAttributes, Currency, Transactions, Units, Lines, GrossSales, Discounts, ReturnTransactions, UnitsReturned, ReturnLines, Returns, Breakdown];

    /// <summary>Head attributes a read with SKU lines needs: the totals ones plus the part count.</summary>
    public static readonly IReadOnlyList<string> HeadWithPartsAttributes = [.. TotalsAttributes, PartCount];

    /// <summary>What commit's clean-up needs of a head: its key, its place in record order and its part count.</summary>
    public static readonly IReadOnlyList<string> CleanUpAttributes = [SalesKeys.SortKey, Revision, UploadId, PartCount];

    /// <summary>The head and SKU parts of a record, ready to put; parts are written before the head.</summary>
    public static RecordItems ToItems(StoreDayRecord record)
    {
        var sort = SalesKeys.RecordSort(record.StoreId, record.Revision, record.UploadId);
        var head = new Dictionary<string, AttributeValue>
        {
            [SalesKeys.PartitionKey] = S(SalesKeys.DayPartition(record.BusinessDate)),
            [SalesKeys.SortKey] = S(sort),
            [SalesKeys.Gsi1PartitionKey] = S(SalesKeys.StorePartition(record.StoreId)),
            [SalesKeys.Gsi1SortKey] = S(SalesKeys.StoreDaySort(record.BusinessDate, record.Revision, record.UploadId)),
            [Store] = S(record.StoreId),
            [Date] = S(SalesKeys.Date(record.BusinessDate)),
            [Revision] = N(record.Revision),
            [UploadId] = S(record.UploadId),
            [SourceKey] = S(record.SourceKey),
        };
        if (record.Summary is not { } summary)
        {
            head[Withdrawn] = new AttributeValue { BOOL = true };
            head[PartCount] = N(0);
            return new RecordItems(head, []);
        }

        var chunks = ChunkSkus(summary.Skus);
        var parts = new List<Dictionary<string, AttributeValue>>(chunks.Count);
        for (var index = 0; index < chunks.Count; index++)
        {
            parts.Add(new()
            {
                [SalesKeys.PartitionKey] = S(SalesKeys.SkusPartition(record.BusinessDate)),
                [SalesKeys.SortKey] = S(SalesKeys.PartSort(sort, index)),
                [Skus] = new AttributeValue { B = new MemoryStream(chunks[index]) },
            });
        }

        head[Currency] = S(summary.Currency);
        head[Transactions] = N(summary.Totals.Transactions);
        head[Units] = N(summary.Totals.Units);
        head[Lines] = N(summary.Totals.Lines);
        head[GrossSales] = N(summary.Totals.GrossSales);
        head[Discounts] = N(summary.Totals.Discounts);
        head[Breakdown] = new AttributeValue { B = new MemoryStream(Gzip.Compress(SalesJson.SerializeBreakdown(summary))) };
        head[PartCount] = N(parts.Count);
        AddReturnTotals(head, summary.Totals);
        return new RecordItems(head, parts);
    }

    /// <summary>The commit marker of <paramref name="uploadId"/> on <paramref name="date"/>.</summary>
    public static Dictionary<string, AttributeValue> Marker(DateOnly date, string uploadId) => new()
    {
        [SalesKeys.PartitionKey] = S(SalesKeys.DayPartition(date)),
        [SalesKeys.SortKey] = S(SalesKeys.CommitSort(uploadId)),
        [UploadId] = S(uploadId),
    };

    /// <summary>Whether an item of a day partition is a commit marker (otherwise it is a record head).</summary>
    public static bool IsMarker(Dictionary<string, AttributeValue> item) =>
        item[SalesKeys.SortKey].S.StartsWith(SalesKeys.CommitPrefix, StringComparison.Ordinal);

    /// <summary>The key of the item with sort key <paramref name="sort"/> in partition <paramref name="partition"/>.</summary>
    public static Dictionary<string, AttributeValue> Key(string partition, string sort) => new()
    {
        [SalesKeys.PartitionKey] = S(partition),
        [SalesKeys.SortKey] = S(sort),
    };

    /// <summary>Whether head <paramref name="head"/> supersedes <paramref name="other"/> (<see cref="StoreDayRecord.Supersedes"/>).</summary>
    public static bool Supersedes(Dictionary<string, AttributeValue> head, Dictionary<string, AttributeValue> other) =>
        StoreDayRecord.Supersedes(ToLong(head[Revision]), head[UploadId].S, ToLong(other[Revision]), other[UploadId].S);

    /// <summary>The business date of a head read with <see cref="Date"/>.</summary>
    public static DateOnly BusinessDate(Dictionary<string, AttributeValue> head) =>
        DateOnly.ParseExact(head[Date].S, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool IsWithdrawn(Dictionary<string, AttributeValue> head) =>
        head.TryGetValue(Withdrawn, out var withdrawn) && withdrawn.BOOL == true;

    /// <summary>A store-day (SKU lines empty) from a head read with at least <see cref="TotalsAttributes"/>.</summary>
    public static StoreDaySummary ToSummary(Dictionary<string, AttributeValue> head)
    {
        var header = new StoreDaySummary
        {
            StoreId = head[Store].S,
            BusinessDate = BusinessDate(head),
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

    public static long ToLong(AttributeValue value) => long.Parse(value.N, CultureInfo.InvariantCulture);

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
