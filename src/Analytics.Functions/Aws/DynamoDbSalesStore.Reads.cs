using Amazon.DynamoDBv2.Model;
using Analytics.Domain.Sales;

namespace Analytics.Functions.Aws;

/// <summary>
/// The read side: a day is one strongly consistent Query of its partition, which returns the commit markers and the
/// record heads together; each store takes its highest committed head (<see cref="StoreDayRecord.Supersedes"/>).
/// </summary>
public sealed partial class DynamoDbSalesStore
{
    public async Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken)
    {
        var withSkus = detail == SalesDetail.WithSkus;
        var items = await QueryAsync(
            Partition(SalesKeys.DayPartition(businessDate)),
            withSkus ? SalesItems.HeadWithPartsAttributes : SalesItems.TotalsAttributes,
            cancellationToken);
        var committed = items.Where(SalesItems.IsMarker).Select(m => m[SalesItems.UploadId].S).ToHashSet(StringComparer.Ordinal);
        List<Dictionary<string, AttributeValue>> heads =
        [
            .. Latest(items.Where(i => !SalesItems.IsMarker(i) && committed.Contains(i[SalesItems.UploadId].S)), h => h[SalesItems.Store].S)
                .OrderBy(h => h[SalesItems.Store].S, StringComparer.Ordinal),
        ];
        if (heads.Count == 0)
        {
            return [];
        }

        var skusByHead = withSkus ? await ReadSkusAsync(businessDate, heads, cancellationToken) : null;
        return
        [
            .. heads.Select(h => skusByHead is null ? SalesItems.ToSummary(h) : SalesItems.ToSummary(h) with { Skus = skusByHead[h] }),
        ];
    }

    /// <summary>Heads from <c>gsi1</c> (eventually consistent), then the markers of their uploads on their dates.</summary>
    public async Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(
        string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (last < first)
        {
            return [];
        }

        var request = new QueryRequest
        {
            TableName = _table,
            IndexName = SalesKeys.Gsi1Name,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :first AND :last",
            ExpressionAttributeNames = new() { ["#pk"] = SalesKeys.Gsi1PartitionKey, ["#sk"] = SalesKeys.Gsi1SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = new AttributeValue { S = SalesKeys.StorePartition(storeId) },
                [":first"] = new AttributeValue { S = SalesKeys.StoreDayLowerBound(first) },
                [":last"] = new AttributeValue { S = SalesKeys.StoreDayUpperBound(last) },
            },
        };
        var heads = await QueryAsync(request, SalesItems.TotalsAttributes, cancellationToken);
        var committed = await CommittedAsync(
            heads.Select(h => (SalesItems.BusinessDate(h), h[SalesItems.UploadId].S)).ToHashSet(), cancellationToken);
        return
        [
            .. Latest(heads.Where(h => committed.Contains((SalesItems.BusinessDate(h), h[SalesItems.UploadId].S))), h => h[SalesItems.Date].S)
                .Select(SalesItems.ToSummary)
                .OrderBy(s => s.BusinessDate),
        ];
    }

    public async Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (last < first)
        {
            return [];
        }

        var days = new ChainDaySummary?[last.DayNumber - first.DayNumber + 1];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, days.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ChainHistoryConcurrency, CancellationToken = cancellationToken },
            async (offset, token) =>
            {
                var date = first.AddDays(offset);
                var stores = await GetDayAsync(date, SalesDetail.Totals, token);
                days[offset] = stores.Count == 0 ? null : SalesMerge.ChainDay(date, stores);
            });
        return [.. days.OfType<ChainDaySummary>()];
    }

    /// <summary>
    /// Per store-day (grouped by <paramref name="storeDay"/>), the committed head that supersedes the others, unless
    /// it is withdrawn.
    /// </summary>
    private static IEnumerable<Dictionary<string, AttributeValue>> Latest(
        IEnumerable<Dictionary<string, AttributeValue>> committedHeads, Func<Dictionary<string, AttributeValue>, string> storeDay) =>
        committedHeads.GroupBy(storeDay, StringComparer.Ordinal)
            .Select(g => Highest(g)!)
            .Where(h => !SalesItems.IsWithdrawn(h));

    /// <summary>
    /// SKU lines of each head, from the parts under its sort key, in part order (parts of other records are staged,
    /// superseded or not yet cleaned up, and are ignored).
    /// </summary>
    /// <exception cref="InvalidOperationException">A head's parts are incomplete (removed by a concurrent clean-up).</exception>
    private async Task<Dictionary<Dictionary<string, AttributeValue>, IReadOnlyList<SkuSales>>> ReadSkusAsync(
        DateOnly businessDate, List<Dictionary<string, AttributeValue>> heads, CancellationToken cancellationToken)
    {
        var parts = await QueryAsync(
            Partition(SalesKeys.SkusPartition(businessDate)), [SalesKeys.SortKey, SalesItems.Skus], cancellationToken);
        var partsByRecord = parts
            .GroupBy(p => SalesKeys.RecordSortOfPart(p[SalesKeys.SortKey].S), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p[SalesKeys.SortKey].S, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var result = new Dictionary<Dictionary<string, AttributeValue>, IReadOnlyList<SkuSales>>(ReferenceEqualityComparer.Instance);
        foreach (var head in heads)
        {
            var sort = head[SalesKeys.SortKey].S;
            var expected = SalesItems.ToInt(head[SalesItems.PartCount]);
            var found = partsByRecord.GetValueOrDefault(sort) ?? [];
            if (found.Count != expected)
            {
                throw new InvalidOperationException(
                    $"Record {sort} of {SalesKeys.Date(businessDate)} has {found.Count} of {expected} SKU part(s).");
            }

            result[head] = [.. found.SelectMany(SalesItems.ToSkus)];
        }

        return result;
    }

    /// <summary>Every item of one partition, strongly consistent: a marker seen means its upload's heads and parts are seen.</summary>
    private QueryRequest Partition(string partitionKey) => new()
    {
        TableName = _table,
        ConsistentRead = true,
        KeyConditionExpression = "#pk = :pk",
        ExpressionAttributeNames = new() { ["#pk"] = SalesKeys.PartitionKey },
        ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = partitionKey } },
    };

    /// <summary>Every item of the query (all pages), reading only <paramref name="attributes"/>.</summary>
    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(
        QueryRequest request, IReadOnlyList<string> attributes, CancellationToken cancellationToken)
    {
        var placeholders = new List<string>(attributes.Count);
        for (var i = 0; i < attributes.Count; i++)
        {
            var placeholder = "#a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.ExpressionAttributeNames[placeholder] = attributes[i];
            placeholders.Add(placeholder);
        }

        request.ProjectionExpression = string.Join(", ", placeholders);
        var items = new List<Dictionary<string, AttributeValue>>();
        await foreach (var page in _dynamo.Paginators.Query(request).Responses.WithCancellation(cancellationToken))
        {
            items.AddRange(page.Items ?? []);
        }

        return items;
    }
}
