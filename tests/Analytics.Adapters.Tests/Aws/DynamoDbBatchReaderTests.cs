using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Analytics.Adapters.Tests.Aws;

public sealed class DynamoDbBatchReaderTests
{
    private const string Table = "sales";
    private readonly IAmazonDynamoDB _dynamo = Substitute.For<IAmazonDynamoDB>();
    private readonly List<List<Dictionary<string, AttributeValue>>> _calls = [];

    [Fact]
    public async Task GetAsync_UnprocessedKeysAndMoreThanOneHundredKeys_ResendsAndReturnsEveryItem()
    {
        var keys = Enumerable.Range(0, 130).Select(Key).ToList();
        _dynamo.BatchGetItemAsync(Arg.Any<BatchGetItemRequest>(), Arg.Any<CancellationToken>()).Returns(info =>
        {
            var sent = info.Arg<BatchGetItemRequest>().RequestItems[Table].Keys;
            _calls.Add(sent);
            var left = _calls.Count == 1 ? sent.Take(10).ToList() : [];
            return new BatchGetItemResponse
            {
                Responses = new() { [Table] = [.. sent.Skip(left.Count)] },
                UnprocessedKeys = left.Count == 0 ? [] : new() { [Table] = new KeysAndAttributes { Keys = left } },
            };
        });
        var reader = new DynamoDbBatchReader(_dynamo, NullLogger.Instance, new DynamoDbRetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero));

        var items = await reader.GetAsync(Table, keys, "#sk", new() { ["#sk"] = "sk" }, CancellationToken.None);

        Assert.Equal([100, 10, 30], _calls.Select(c => c.Count));
        Assert.Equal(keys.Select(k => k["sk"].S).Order(), items.Select(i => i["sk"].S).Order());
    }

    private static Dictionary<string, AttributeValue> Key(int i) => new()
    {
        ["pk"] = new AttributeValue { S = "P" }, ["sk"] = new AttributeValue { S = $"S{i:D3}" },
    };
}
