using Amazon.DynamoDBv2.Model;
using Analytics.Adapters.Tests.Fixtures;
using Analytics.Domain.Sales;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Analytics.Adapters.Tests.Sales.SalesSamples;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>The sales contract on moto_server, a fresh table per test, plus checks of the stored items themselves.</summary>
[Trait("Category", "LocalServer")]
[Collection(SharedMotoServer.Name)]
public sealed class DynamoDbSalesStoreTests(MotoServerFixture moto) : SalesStoreContract, IAsyncLifetime
{
    private readonly string _table = $"sales-{Guid.NewGuid():N}";

    protected override ISalesStore Store => new DynamoDbSalesStore(
        moto.DynamoDb, Options.Create(new StorageOptions { SalesTable = _table }), NullLogger<DynamoDbSalesStore>.Instance);

    /// <summary>A stored record of the upload that a commit supersedes: 5,000 SKUs in several parts.</summary>
    private static readonly StoreDayRecord Old = Record("store-0001", Day, revision: 1, upload: "old", skuCount: 5000, skuNameLength: 200, seed: 3);

    /// <summary>The record that supersedes <see cref="Old"/>: fewer SKUs, one part.</summary>
    private static readonly StoreDayRecord New = Record("store-0001", Day, revision: 2, upload: "new", factor: 2m, skuCount: 4);

    public Task InitializeAsync() => moto.DynamoDb.CreateTableAsync(DynamoDbSalesStore.TableDefinition(_table));

    public Task DisposeAsync() => moto.DynamoDb.DeleteTableAsync(_table);

    [Fact]
    public async Task StageAsync_FiveThousandSkus_StoresSeveralPartsUnderTheLimit()
    {
        await StageAsync(Old);

        var parts = await PartitionAsync("SKUS#2025-01-15");

        Assert.True(parts.Count >= 2, $"expected several parts, found {parts.Count}");
        Assert.All(parts, p => Assert.True(p[SalesItems.Skus].B.Length <= SalesItems.MaxPartBytes));
    }

    [Fact]
    public async Task CommitAsync_HigherRevision_LeavesOnlyItsHeadAndPartsAndTheMarkers()
    {
        await SaveAsync(Old);

        await SaveAsync(New);

        Assert.Equal(OneCleanCommit(), await ItemKeysAsync());
    }

    [Fact]
    public async Task CommitAsync_LowerRevisionAfterAHigherOne_DeletesTheLowerRecord()
    {
        await SaveAsync(New);

        await SaveAsync(Old);

        Assert.Equal(OneCleanCommit(), await ItemKeysAsync());
    }

    /// <summary>
    /// A commit that stopped after its transaction (markers written, nothing deleted) or after deleting the superseded
    /// parts (heads still there): readers already see the new record, and committing again finishes the clean-up.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CommitAsync_RetriedAfterACrashInsideIt_EqualsOneCleanCommit(bool partsAlreadyDeleted)
    {
        await SaveAsync(Old);
        await StageAsync(New);
        await moto.DynamoDb.PutItemAsync(_table, Marker(New)); // the transaction went through, then a crash
        if (partsAlreadyDeleted)
        {
            foreach (var part in (await PartitionAsync("SKUS#2025-01-15")).Where(p => p["sk"].S.Contains("#U#" + Old.UploadId, StringComparison.Ordinal)))
            {
                await moto.DynamoDb.DeleteItemAsync(_table, new() { ["pk"] = part["pk"], ["sk"] = part["sk"] });
            }
        }

        await AssertReadsAsync(New);
        await CommitAsync(New);

        await AssertReadsAsync(New);
        Assert.Equal(OneCleanCommit(), await ItemKeysAsync());
    }

    [Fact]
    public async Task StageAndCommit_RetriedAfterStagingStoppedBetweenPartsAndHead_EqualsOneCleanCommit()
    {
        await SaveAsync(Old);
        var writer = new DynamoDbBatchWriter(moto.DynamoDb, NullLogger.Instance, DynamoDbRetryPolicy.Default);
        await writer.WriteAsync(_table, SalesItems.ToItems(New).Parts.Select(p => new WriteRequest(new PutRequest(p))), None); // crash here
        await AssertReadsAsync(Old);

        await SaveAsync(New);

        await AssertReadsAsync(New);
        Assert.Equal(OneCleanCommit(), await ItemKeysAsync());
    }

    [Fact]
    public async Task CommitAsync_MoreDatesThanOneTransactionTakes_MakesEveryDateVisible()
    {
        var dates = Enumerable.Range(0, DynamoDbSalesStore.MaxDatesPerCommit + 20).Select(i => Day.AddDays(-i)).ToList();
        StoreDayRecord[] records = [.. dates.Select(d => Record("store-0001", d, skuCount: 0))];
        await StageAsync(records);

        await CommitAsync(records);

        var chain = await Store.GetChainHistoryAsync(dates[^1], Day, None);
        Assert.Equal(dates.Count, chain.Count);
        Assert.Equal(dates.Count, (await Store.GetStoreHistoryAsync("store-0001", dates[^1], Day, None)).Count);
    }

    [Fact]
    public async Task StageAsync_Withdrawal_StoresAHeadWithoutFiguresOrParts()
    {
        await StageAsync(Withdrawal("store-0001", Day, revision: 2, upload: "w"));

        var head = Assert.Single(await PartitionAsync("DAY#2025-01-15"));
        Assert.True(head[SalesItems.Withdrawn].BOOL);
        Assert.False(head.ContainsKey(SalesItems.Transactions));
        Assert.Equal("0", head[SalesItems.PartCount].N);
        Assert.Empty(await PartitionAsync("SKUS#2025-01-15"));
    }

    /// <summary>Keys of the items one clean save of <see cref="Old"/> then <see cref="New"/> leaves: New's head and part, both markers.</summary>
    private static List<string> OneCleanCommit() =>
    [
        .. new[]
        {
            $"DAY#2025-01-15 COMMIT#{New.UploadId}", $"DAY#2025-01-15 COMMIT#{Old.UploadId}",
            $"DAY#2025-01-15 STORE#store-0001#R#0000000002#U#{New.UploadId}",
            $"SKUS#2025-01-15 STORE#store-0001#R#0000000002#U#{New.UploadId}#P0000",
        }.Order(StringComparer.Ordinal),
    ];

    private static Dictionary<string, AttributeValue> Marker(StoreDayRecord record) => new()
    {
        ["pk"] = new AttributeValue { S = "DAY#2025-01-15" },
        ["sk"] = new AttributeValue { S = "COMMIT#" + record.UploadId },
        ["up"] = new AttributeValue { S = record.UploadId },
    };

    /// <summary>"pk sk" of every item in the table, in ordinal order.</summary>
    private async Task<List<string>> ItemKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var page in moto.DynamoDb.Paginators.Scan(new ScanRequest { TableName = _table }).Responses)
        {
            keys.AddRange((page.Items ?? []).Select(i => $"{i["pk"].S} {i["sk"].S}"));
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    private async Task<List<Dictionary<string, AttributeValue>>> PartitionAsync(string partition)
    {
        var request = new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = partition } },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        await foreach (var page in moto.DynamoDb.Paginators.Query(request).Responses)
        {
            items.AddRange(page.Items ?? []);
        }

        return items;
    }
}
