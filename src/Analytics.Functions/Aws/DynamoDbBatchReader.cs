using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.Aws;

/// <summary>
/// Reads items by key with <c>BatchGetItem</c>, 100 keys per call (the API's limit), resending
/// <c>UnprocessedKeys</c> with <see cref="DynamoDbRetryPolicy"/>. Missing items are simply absent from the result,
/// which comes in no particular order. Keys must be distinct (DynamoDB rejects duplicates in one call).
/// </summary>
public sealed class DynamoDbBatchReader(IAmazonDynamoDB dynamo, ILogger logger, DynamoDbRetryPolicy policy)
{
    /// <summary>Most keys one <c>BatchGetItem</c> call accepts.</summary>
    public const int MaxBatchSize = 100;

    /// <param name="consistentRead">Strongly consistent reads (twice the read units): every write acknowledged before is seen.</param>
    /// <exception cref="ProvisionedThroughputExceededException">Keys were still unprocessed after the last call.</exception>
    public async Task<IReadOnlyList<Dictionary<string, AttributeValue>>> GetAsync(
        string table, IEnumerable<Dictionary<string, AttributeValue>> keys, string projection,
        Dictionary<string, string> attributeNames, CancellationToken cancellationToken, bool consistentRead = false)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        foreach (var batch in keys.Chunk(MaxBatchSize))
        {
            var pending = new KeysAndAttributes
            {
                Keys = [.. batch],
                ProjectionExpression = projection,
                ExpressionAttributeNames = attributeNames,
                ConsistentRead = consistentRead,
            };
            for (var attempt = 1; ; attempt++)
            {
                var response = await dynamo.BatchGetItemAsync(
                    new BatchGetItemRequest { RequestItems = new() { [table] = pending } }, cancellationToken);
                if (response.Responses is not null && response.Responses.TryGetValue(table, out var found) && found is not null)
                {
                    items.AddRange(found);
                }

                if (response.UnprocessedKeys is null
                    || !response.UnprocessedKeys.TryGetValue(table, out var unprocessed)
                    || unprocessed?.Keys is not { Count: > 0 })
                {
                    break;
                }

                if (attempt >= policy.MaxAttempts)
                {
                    throw new ProvisionedThroughputExceededException(
                        $"BatchGetItem on table {table} still left {unprocessed.Keys.Count} key(s) unprocessed after {attempt} calls.");
                }

                var delay = policy.DelayBefore(attempt);
                Log.BatchGetUnprocessed(logger, table, unprocessed.Keys.Count, attempt, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
                pending = unprocessed;
            }
        }

        return items;
    }
}
