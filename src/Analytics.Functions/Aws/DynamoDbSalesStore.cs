using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Analytics.Domain.Sales;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Functions.Aws;

/// <summary>
/// <see cref="ISalesStore"/> on one DynamoDB table (design in docs/architecture.md). Every read is a Query;
/// a save writes SKU parts, then heads, then deletes the parts of replaced versions, so a save interrupted at any
/// point leaves readers a consistent state and running it again converges to one clean save.
/// Throttling and other retryable SDK exceptions escape unwrapped.
/// </summary>
public sealed partial class DynamoDbSalesStore : ISalesStore
{
    /// <summary>Dates a chain-history read queries at the same time.</summary>
    public const int ChainHistoryConcurrency = 4;

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
    /// (<c>gsi1pk</c>/<c>gsi1sk</c>, all attributes) that only heads carry. For tests and docs; deployments
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

    public async Task SaveAsync(IReadOnlyList<StoreDayContribution> contributions, CancellationToken cancellationToken)
    {
        // The last of several contributions with one key wins, as it would with separate saves.
        List<StoreDayContribution> distinct =
        [
            .. contributions
                .GroupBy(c => (c.Summary.BusinessDate, c.Summary.StoreId, c.ContributionId))
                .Select(g => g.Last()),
        ];
        if (distinct.Count == 0)
        {
            return;
        }

        var previous = await ReadPreviousVersionsAsync(distinct, cancellationToken);
        var items = distinct.Select(SalesItems.ToItems).ToList();

        await _writer.WriteAsync(_table, items.SelectMany(i => i.Parts).Select(Put), cancellationToken);
        await _writer.WriteAsync(_table, items.Select(i => Put(i.Head)), cancellationToken);

        var stale = new List<WriteRequest>();
        for (var i = 0; i < distinct.Count; i++)
        {
            var summary = distinct[i].Summary;
            var cid = distinct[i].ContributionId;
            if (previous.TryGetValue(SalesKeys.HeadSort(summary.StoreId, cid) + "@" + SalesKeys.Date(summary.BusinessDate), out var old)
                && old.Version != items[i].Version)
            {
                for (var index = 0; index < old.PartCount; index++)
                {
                    stale.Add(new WriteRequest(new DeleteRequest(
                        SalesItems.PartKey(summary.BusinessDate, summary.StoreId, cid, old.Version, index))));
                }
            }
        }

        await _writer.WriteAsync(_table, stale, cancellationToken);
        var partCount = items.Sum(i => i.Parts.Count);
        Log.SalesSaved(_logger, _table, distinct.Count, partCount, stale.Count);
    }

    /// <summary>Version and part count of each contribution's current head, keyed by head sort key and date.</summary>
    private async Task<Dictionary<string, (string Version, int PartCount)>> ReadPreviousVersionsAsync(
        List<StoreDayContribution> contributions, CancellationToken cancellationToken)
    {
        var heads = await _reader.GetAsync(
            _table,
            contributions.Select(c => SalesItems.HeadKey(c.Summary.BusinessDate, c.Summary.StoreId, c.ContributionId)),
            "#sk, #date, #ver, #pc",
            new()
            {
                ["#sk"] = SalesKeys.SortKey, ["#date"] = SalesItems.Date,
                ["#ver"] = SalesItems.Version, ["#pc"] = SalesItems.PartCount,
            },
            cancellationToken);
        return heads.ToDictionary(
            h => h[SalesKeys.SortKey].S + "@" + h[SalesItems.Date].S,
            h => (h[SalesItems.Version].S, SalesItems.ToInt(h[SalesItems.PartCount])),
            StringComparer.Ordinal);
    }

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) => new(new PutRequest(item));
}
