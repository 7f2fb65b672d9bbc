using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Analytics.Domain.Sales;

namespace Analytics.Cli.Tests.Iam;

/// <summary>
/// An <see cref="ISalesStore"/> that answers as DynamoDB answers a caller with <paramref name="policy"/>: each method is
/// checked for the calls the DynamoDB adapter (<c>DynamoDbSalesStore</c>) makes for it. Stage = BatchWriteItem on the
/// table; Commit = TransactWriteItems of Puts (authorised as PutItem), Query, BatchGetItem (markers) and BatchWriteItem
/// (deletes) on the table; GetDay and GetChainHistory = Query on the table; GetStoreHistory = Query on the index and
/// BatchGetItem (markers) on the table. Denials are thrown as the adapter lets them escape: <see cref="AmazonDynamoDBException"/> AccessDeniedException.
/// </summary>
internal sealed class IamSalesStore(ISalesStore inner, IamPolicy policy, string tableArn, string indexName) : ISalesStore
{
    public Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count > 0)
        {
            Require("dynamodb:BatchWriteItem", tableArn);
        }

        return inner.StageAsync(uploadId, records, cancellationToken);
    }

    public Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken)
    {
        if (storeDays.Count > 0)
        {
            Require("dynamodb:PutItem", tableArn);
            Require("dynamodb:Query", tableArn);
            Require("dynamodb:BatchGetItem", tableArn);
            Require("dynamodb:BatchWriteItem", tableArn);
        }

        return inner.CommitAsync(uploadId, storeDays, cancellationToken);
    }

    public Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken)
    {
        Require("dynamodb:Query", tableArn);
        return inner.GetDayAsync(businessDate, detail, cancellationToken);
    }

    public Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (first <= last)
        {
            Require("dynamodb:Query", $"{tableArn}/index/{indexName}");
            Require("dynamodb:BatchGetItem", tableArn);
        }

        return inner.GetStoreHistoryAsync(storeId, first, last, cancellationToken);
    }

    public Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (first <= last)
        {
            Require("dynamodb:Query", tableArn);
        }

        return inner.GetChainHistoryAsync(first, last, cancellationToken);
    }

    private void Require(string action, string resource)
    {
        if (!policy.IsAllowed(action, resource))
        {
            throw new AmazonDynamoDBException($"User is not authorized to perform: {action} on resource: {resource}",
                                              ErrorType.Sender, "AccessDeniedException", "iam-sales-store", HttpStatusCode.BadRequest);
        }
    }
}
