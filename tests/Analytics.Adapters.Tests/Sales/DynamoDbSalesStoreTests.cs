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

    public Task InitializeAsync() => moto.DynamoDb.CreateTableAsync(DynamoDbSalesStore.TableDefinition(_table));

    public Task DisposeAsync() => moto.DynamoDb.DeleteTableAsync(_table);

    [Fact]
    public async Task SaveAsync_FiveThousandSkus_StoresSeveralPartsUnderTheLimit()
    {
        await Store.SaveAsync([Contribution("store-0001", Day, skuCount: 5000, skuNameLength: 200, seed: 3)], None);

        var parts = await SkuPartsAsync();

        Assert.True(parts.Count >= 2, $"expected several parts, found {parts.Count}");
        Assert.All(parts, p => Assert.True(p[SalesItems.Skus].B.Length <= SalesItems.MaxPartBytes));
        Assert.Single(parts.Select(p => p[SalesItems.Version].S).Distinct());
    }

    [Fact]
    public async Task SaveAsync_NewVersionWithFewerParts_DeletesTheStaleParts()
    {
        await Store.SaveAsync([Contribution("store-0001", Day, "a", skuCount: 5000, skuNameLength: 200, seed: 3)], None);
        Assert.True((await SkuPartsAsync()).Count >= 2);
        var replacement = Contribution("store-0001", Day, "a", factor: 2m, skuCount: 3);

        await Store.SaveAsync([replacement], None);

        var part = Assert.Single(await SkuPartsAsync());
        Assert.Equal(SalesItems.ToItems(replacement).Version, part[SalesItems.Version].S);
    }

    [Fact]
    public async Task SaveAsync_AfterPartsOfANewVersionWereWrittenWithoutHead_ConvergesToOneCleanSave()
    {
        var original = Contribution("store-0001", Day, "a", skuCount: 5000, skuNameLength: 200, seed: 3);
        var replacement = Contribution("store-0001", Day, "a", factor: 2m, skuCount: 4000, skuNameLength: 200, seed: 5);
        await Store.SaveAsync([original], None);
        var replacementItems = SalesItems.ToItems(replacement);
        var writer = new DynamoDbBatchWriter(moto.DynamoDb, NullLogger.Instance, DynamoDbRetryPolicy.Default);
        await writer.WriteAsync(_table, replacementItems.Parts.Select(p => new WriteRequest(new PutRequest(p))), None); // crash here

        var duringFailure = Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None));
        SalesAssert.Equal(original.Summary, duringFailure);

        await Store.SaveAsync([replacement], None);

        SalesAssert.Equal(replacement.Summary, Assert.Single(await Store.GetDayAsync(Day, SalesDetail.WithSkus, None)));
        var parts = await SkuPartsAsync();
        Assert.Equal(replacementItems.Parts.Count, parts.Count);
        Assert.All(parts, p => Assert.Equal(replacementItems.Version, p[SalesItems.Version].S));
    }

    private async Task<List<Dictionary<string, AttributeValue>>> SkuPartsAsync()
    {
        var request = new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "SKUS#2025-01-15" } },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        await foreach (var page in moto.DynamoDb.Paginators.Query(request).Responses)
        {
            items.AddRange(page.Items ?? []);
        }

        return items;
    }
}
