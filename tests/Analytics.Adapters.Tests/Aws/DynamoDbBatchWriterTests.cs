using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Analytics.Adapters.Tests.Aws;

public sealed class DynamoDbBatchWriterTests
{
    private const string Table = "sales";
    private static readonly DynamoDbRetryPolicy NoWait = new(3, TimeSpan.Zero, TimeSpan.Zero);
    private readonly IAmazonDynamoDB _dynamo = Substitute.For<IAmazonDynamoDB>();
    private readonly List<List<WriteRequest>> _calls = [];

    private DynamoDbBatchWriter CreateWriter() => new(_dynamo, NullLogger.Instance, NoWait);

    [Fact]
    public async Task WriteAsync_SixtyItems_SendsThreeCallsOfAtMostTwentyFiveInOrder()
    {
        RespondWith(_ => []);
        var requests = Requests(60);

        await CreateWriter().WriteAsync(Table, requests, CancellationToken.None);

        Assert.Equal([25, 25, 10], _calls.Select(c => c.Count));
        Assert.Equal(requests, _calls.SelectMany(c => c));
    }

    [Fact]
    public async Task WriteAsync_UnprocessedItems_ResendsOnlyThose()
    {
        var requests = Requests(30);
        RespondWith(call => call == 0 ? [requests[3], requests[7]] : []);

        await CreateWriter().WriteAsync(Table, requests, CancellationToken.None);

        Assert.Equal([25, 2, 5], _calls.Select(c => c.Count));
        Assert.Equal([requests[3], requests[7]], _calls[1]);
    }

    [Fact]
    public async Task WriteAsync_StillUnprocessedAfterLastAttempt_ThrowsThroughputExceeded()
    {
        RespondWith(call => [_calls[call][0]]);

        var e = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(
            () => CreateWriter().WriteAsync(Table, Requests(5), CancellationToken.None));

        Assert.Equal(NoWait.MaxAttempts, _calls.Count);
        Assert.Contains(Table, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DelayBefore_GrowsExponentiallyWithinTheCap()
    {
        var policy = new DynamoDbRetryPolicy(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(policy.DelayBefore(1), TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
            Assert.InRange(policy.DelayBefore(3), TimeSpan.Zero, TimeSpan.FromMilliseconds(400));
            Assert.InRange(policy.DelayBefore(20), TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Records each call's requests; <paramref name="unprocessed"/> picks what call n leaves unprocessed.</summary>
    private void RespondWith(Func<int, List<WriteRequest>> unprocessed) =>
        _dynamo.BatchWriteItemAsync(Arg.Any<BatchWriteItemRequest>(), Arg.Any<CancellationToken>()).Returns(info =>
        {
            _calls.Add([.. info.Arg<BatchWriteItemRequest>().RequestItems[Table]]);
            var left = unprocessed(_calls.Count - 1);
            return new BatchWriteItemResponse { UnprocessedItems = left.Count == 0 ? [] : new() { [Table] = left } };
        });

    private static List<WriteRequest> Requests(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new WriteRequest(new PutRequest(new()
        {
            ["pk"] = new AttributeValue { S = "P" }, ["sk"] = new AttributeValue { S = $"S{i}" },
        }))),
    ];
}
