using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.Aws;

/// <summary>
/// Sends put and delete requests with <c>BatchWriteItem</c>, 25 per call (the API's limit), one call after the
/// other, and resends what DynamoDB returns in <c>UnprocessedItems</c> with <see cref="DynamoDbRetryPolicy"/>.
/// Each batch is done before the next starts, so callers can rely on the order of the requests they pass
/// (e.g. SKU parts before the head that points at them). Not atomic: on failure, earlier batches stay written.
/// </summary>
public sealed class DynamoDbBatchWriter(IAmazonDynamoDB dynamo, ILogger logger, DynamoDbRetryPolicy policy)
{
    /// <summary>Most requests one <c>BatchWriteItem</c> call accepts.</summary>
    public const int MaxBatchSize = 25;

    /// <summary>Writes every request, in order, batch by batch.</summary>
    /// <exception cref="ProvisionedThroughputExceededException">
    /// Items were still unprocessed after <see cref="DynamoDbRetryPolicy.MaxAttempts"/> calls for one batch. Its
    /// name tells Step Functions to retry the step; a retry of an idempotent save converges.
    /// </exception>
    public async Task WriteAsync(string table, IEnumerable<WriteRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var batch in requests.Chunk(MaxBatchSize))
        {
            await WriteBatchAsync(table, [.. batch], cancellationToken);
        }
    }

    private async Task WriteBatchAsync(string table, List<WriteRequest> pending, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await dynamo.BatchWriteItemAsync(
                new BatchWriteItemRequest { RequestItems = new() { [table] = pending } }, cancellationToken);
            if (response.UnprocessedItems is null
                || !response.UnprocessedItems.TryGetValue(table, out var unprocessed)
                || unprocessed is not { Count: > 0 })
            {
                return;
            }

            if (attempt >= policy.MaxAttempts)
            {
                throw new ProvisionedThroughputExceededException(
                    $"BatchWriteItem on table {table} still left {unprocessed.Count} of {pending.Count} item(s) unprocessed after {attempt} calls.");
            }

            var delay = policy.DelayBefore(attempt);
            Log.BatchWriteUnprocessed(logger, table, unprocessed.Count, attempt, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, cancellationToken);
            pending = unprocessed;
        }
    }
}
