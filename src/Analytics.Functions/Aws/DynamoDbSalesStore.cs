using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Analytics.Domain.Sales;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Functions.Aws;

/// <summary>
/// <see cref="ISalesStore"/> on one DynamoDB table (design in docs/architecture.md). Staging writes a record's SKU
/// parts, then its head; a commit puts one marker item per date of the upload in a transaction, and a head counts
/// only when its upload's marker is in its day partition, which a day read returns in the same query. Every read is
/// a Query (store history adds a BatchGetItem of markers). Throttling and other retryable SDK exceptions escape unwrapped.
/// </summary>
public sealed partial class DynamoDbSalesStore : ISalesStore
{
    /// <summary>Dates a chain-history read queries at the same time.</summary>
    public const int ChainHistoryConcurrency = 4;

    /// <summary>Dates one commit makes visible together: one marker each, and <c>TransactWriteItems</c> takes at most 100 actions.</summary>
    public const int MaxDatesPerCommit = 100;

    /// <summary>Store-days whose records a commit's clean-up queries at the same time.</summary>
    public const int CleanUpConcurrency = 8;

    private readonly IAmazonDynamoDB _dynamo;
    private readonly ILogger<DynamoDbSalesStore> _logger;
    private readonly string _table;
    private readonly DynamoDbBatchWriter _writer;
    private readonly DynamoDbBatchReader _reader;

    public DynamoDbSalesStore(IAmazonDynamoDB dynamo, IOptions<StorageOptions> options, ILogger<DynamoDbSalesStore> logger)
    {
        _dynamo = dynamo;
        _logger = logger;
        _table = options.Value.SalesTable;
        ArgumentException.ThrowIfNullOrWhiteSpace(_table, "Storage:SalesTable");
        _writer = new DynamoDbBatchWriter(dynamo, logger, DynamoDbRetryPolicy.Default);
        _reader = new DynamoDbBatchReader(dynamo, logger, DynamoDbRetryPolicy.Default);
    }

    /// <summary>
    /// The table: string keys <c>pk</c>/<c>sk</c>, on-demand billing, and the sparse GSI <c>gsi1</c>
    /// (<c>gsi1pk</c>/<c>gsi1sk</c>, all attributes) that only record heads carry. For tests and docs; deployments
    /// declare the same in the template.
    /// </summary>
    public static CreateTableRequest TableDefinition(string name) => new()
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(SalesKeys.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SalesKeys.SortKey, ScalarAttributeType.S),
            new AttributeDefinition(SalesKeys.Gsi1PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SalesKeys.Gsi1SortKey, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(SalesKeys.PartitionKey, KeyType.HASH),
            new KeySchemaElement(SalesKeys.SortKey, KeyType.RANGE),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = SalesKeys.Gsi1Name,
                KeySchema =
                [
                    new KeySchemaElement(SalesKeys.Gsi1PartitionKey, KeyType.HASH),
                    new KeySchemaElement(SalesKeys.Gsi1SortKey, KeyType.RANGE),
                ],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };

    /// <summary>Parts first, then heads (so a head never lacks its parts); both are invisible until a commit marker names the upload.</summary>
    public async Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken)
    {
        SalesRecords.EnsureValid(uploadId, records);

        // The last of several records with one key wins, as it would with separate calls (BatchWriteItem rejects duplicates).
        List<RecordItems> items =
        [
            .. records.GroupBy(r => (r.BusinessDate, r.StoreId, r.Revision)).Select(g => SalesItems.ToItems(g.Last())),
        ];
        if (items.Count == 0)
        {
            return;
        }

        List<WriteRequest> parts = [.. items.SelectMany(i => i.Parts).Select(Put)];
        await _writer.WriteAsync(_table, parts, cancellationToken);
        await _writer.WriteAsync(_table, items.Select(i => Put(i.Head)), cancellationToken);
        Log.SalesStaged(_logger, _table, uploadId, items.Count, parts.Count);
    }

    /// <summary>
    /// Puts the upload's commit marker on each date with <c>TransactWriteItems</c>, <see cref="MaxDatesPerCommit"/>
    /// dates per transaction, then deletes the superseded records of each store-day (parts, then heads).
    /// </summary>
    public async Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken)
    {
        SalesRecords.EnsureValidUploadId(uploadId);
        List<DateOnly> dates = [.. storeDays.Select(d => d.BusinessDate).Distinct().Order()];
        foreach (var chunk in dates.Chunk(MaxDatesPerCommit))
        {
            await _dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [.. chunk.Select(d => new TransactWriteItem { Put = new Put { TableName = _table, Item = SalesItems.Marker(d, uploadId) } })],
            }, cancellationToken);
        }

        var (superseded, parts) = await DeleteSupersededAsync(uploadId, [.. storeDays.Distinct()], cancellationToken);
        Log.SalesCommitted(_logger, _table, uploadId, dates.Count, storeDays.Count, superseded, parts);
    }

    /// <summary>
    /// Per store-day, deletes every record below the highest committed one (committed or not). The upload's own
    /// records are committed (its markers are written); whether the heads above them are is read from their markers.
    /// </summary>
    /// <returns>How many heads and SKU parts were deleted.</returns>
    private async Task<(int Heads, int Parts)> DeleteSupersededAsync(
        string uploadId, List<StoreDayKey> storeDays, CancellationToken cancellationToken)
    {
        var headsByDay = new Dictionary<StoreDayKey, List<Dictionary<string, AttributeValue>>>();
        var found = new List<Dictionary<string, AttributeValue>>?[storeDays.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, storeDays.Count),
            new ParallelOptions { MaxDegreeOfParallelism = CleanUpConcurrency, CancellationToken = cancellationToken },
            async (index, token) => found[index] = await QueryAsync(StoreRecords(storeDays[index]), SalesItems.CleanUpAttributes, token));
        for (var i = 0; i < storeDays.Count; i++)
        {
            headsByDay[storeDays[i]] = found[i]!;
        }

        // Other uploads' heads that would supersede this upload's: are they committed?
        var unknown = new HashSet<(DateOnly Date, string UploadId)>();
        foreach (var (day, heads) in headsByDay)
        {
            var ours = Highest(heads.Where(h => h[SalesItems.UploadId].S == uploadId));
            foreach (var head in heads.Where(h => h[SalesItems.UploadId].S != uploadId && (ours is null || SalesItems.Supersedes(h, ours))))
            {
                unknown.Add((day.BusinessDate, head[SalesItems.UploadId].S));
            }
        }

        var committed = await CommittedAsync(unknown, cancellationToken);
        var deleteParts = new List<WriteRequest>();
        var deleteHeads = new List<WriteRequest>();
        foreach (var (day, heads) in headsByDay)
        {
            var highest = Highest(heads.Where(h => h[SalesItems.UploadId].S == uploadId
                                                   || committed.Contains((day.BusinessDate, h[SalesItems.UploadId].S))));
            if (highest is null)
            {
                continue;
            }

            foreach (var stale in heads.Where(h => SalesItems.Supersedes(highest, h)))
            {
                var sort = stale[SalesKeys.SortKey].S;
                for (var index = 0; index < SalesItems.ToInt(stale[SalesItems.PartCount]); index++)
                {
                    deleteParts.Add(Delete(SalesItems.Key(SalesKeys.SkusPartition(day.BusinessDate), SalesKeys.PartSort(sort, index))));
                }

                deleteHeads.Add(Delete(SalesItems.Key(SalesKeys.DayPartition(day.BusinessDate), sort)));
            }
        }

        // Parts before heads: a crash in between leaves heads that are superseded (never read) and still name their
        // parts, so the next commit of the store-day finds and deletes them.
        await _writer.WriteAsync(_table, deleteParts, cancellationToken);
        await _writer.WriteAsync(_table, deleteHeads, cancellationToken);
        return (deleteHeads.Count, deleteParts.Count);
    }

    /// <summary>Which of these (date, upload) pairs have a commit marker (strongly consistent <c>BatchGetItem</c>).</summary>
    private async Task<HashSet<(DateOnly Date, string UploadId)>> CommittedAsync(
        HashSet<(DateOnly Date, string UploadId)> pairs, CancellationToken cancellationToken)
    {
        var committed = new HashSet<(DateOnly, string)>();
        if (pairs.Count == 0)
        {
            return committed;
        }

        var markers = await _reader.GetAsync(
            _table,
            pairs.Select(p => SalesItems.Key(SalesKeys.DayPartition(p.Date), SalesKeys.CommitSort(p.UploadId))),
            "#pk, #up",
            new() { ["#pk"] = SalesKeys.PartitionKey, ["#up"] = SalesItems.UploadId },
            cancellationToken,
            consistentRead: true);
        foreach (var marker in markers)
        {
            committed.Add((SalesKeys.DateOfDayPartition(marker[SalesKeys.PartitionKey].S), marker[SalesItems.UploadId].S));
        }

        return committed;
    }

    /// <summary>The head that supersedes every other of <paramref name="heads"/>; null when there is none.</summary>
    private static Dictionary<string, AttributeValue>? Highest(IEnumerable<Dictionary<string, AttributeValue>> heads) =>
        heads.Aggregate((Dictionary<string, AttributeValue>?)null, (best, h) => best is null || SalesItems.Supersedes(h, best) ? h : best);

    /// <summary>Every record head of one store-day (strongly consistent).</summary>
    private QueryRequest StoreRecords(StoreDayKey day) => new()
    {
        TableName = _table,
        ConsistentRead = true,
        KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
        ExpressionAttributeNames = new() { ["#pk"] = SalesKeys.PartitionKey, ["#sk"] = SalesKeys.SortKey },
        ExpressionAttributeValues = new()
        {
            [":pk"] = new AttributeValue { S = SalesKeys.DayPartition(day.BusinessDate) },
            [":prefix"] = new AttributeValue { S = SalesKeys.StoreRecordsPrefix(day.StoreId) },
        },
    };

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) => new(new PutRequest(item));

    private static WriteRequest Delete(Dictionary<string, AttributeValue> key) => new(new DeleteRequest(key));
}
