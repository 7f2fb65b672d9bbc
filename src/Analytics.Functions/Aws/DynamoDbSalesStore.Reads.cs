using Amazon.DynamoDBv2.Model;
using Analytics.Domain.Sales;

namespace Analytics.Functions.Aws;

/// <summary>The read side: one Query per partition (paginated), heads merged per store with <see cref="SalesMerge"/>.</summary>
public sealed partial class DynamoDbSalesStore
{
    public async Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken)
    {
        var withSkus = detail == SalesDetail.WithSkus;
        var heads = await QueryAsync(
            Partition(SalesKeys.DayPartition(businessDate)),
            withSkus ? SalesItems.HeadWithPartsAttributes : SalesItems.TotalsAttributes,
            cancellationToken);
        if (heads.Count == 0)
        {
            return [];
        }

        var skusByHead = withSkus ? await ReadSkusAsync(businessDate, heads, cancellationToken) : null;
        return
        [
            .. heads
                .Select(h => skusByHead is null ? SalesItems.ToSummary(h) : SalesItems.ToSummary(h) with { Skus = skusByHead[h] })
                .GroupBy(s => s.StoreId, StringComparer.Ordinal)
                .Select(g => SalesMerge.StoreDay([.. g]))
                .OrderBy(s => s.StoreId, StringComparer.Ordinal),
        ];
    }

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
        return
        [
            .. heads.Select(SalesItems.ToSummary)
                .GroupBy(s => s.BusinessDate)
                .Select(g => SalesMerge.StoreDay([.. g]))
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
    /// SKU lines of each head, from the parts whose version matches it (parts of other versions are a save in
    /// progress or not yet cleaned up, and are ignored).
    /// </summary>
    /// <exception cref="InvalidOperationException">A head's parts are incomplete (removed by a concurrent save).</exception>
    private async Task<Dictionary<Dictionary<string, AttributeValue>, IReadOnlyList<SkuSales>>> ReadSkusAsync(
        DateOnly businessDate, List<Dictionary<string, AttributeValue>> heads, CancellationToken cancellationToken)
    {
        var parts = await QueryAsync(
            Partition(SalesKeys.SkusPartition(businessDate)),
            [SalesItems.Store, SalesItems.ContributionId, SalesItems.Version, SalesItems.PartIndex, SalesItems.Skus],
            cancellationToken);
        var partsByVersion = parts
            .GroupBy(p => (p[SalesItems.Store].S, p[SalesItems.ContributionId].S, p[SalesItems.Version].S))
            .ToDictionary(g => g.Key, g => g.OrderBy(p => SalesItems.ToInt(p[SalesItems.PartIndex])).ToList());

        var result = new Dictionary<Dictionary<string, AttributeValue>, IReadOnlyList<SkuSales>>(ReferenceEqualityComparer.Instance);
        foreach (var head in heads)
        {
            var key = (head[SalesItems.Store].S, head[SalesItems.ContributionId].S, head[SalesItems.Version].S);
            var expected = SalesItems.ToInt(head[SalesItems.PartCount]);
            var found = partsByVersion.GetValueOrDefault(key) ?? [];
            if (found.Count != expected)
            {
                throw new InvalidOperationException(
                    $"Contribution {key.Item2} of {key.Item1} on {SalesKeys.Date(businessDate)} has {found.Count} of {expected} SKU part(s) of version {key.Item3}.");
            }

            result[head] = [.. found.SelectMany(SalesItems.ToSkus)];
        }

        return result;
    }

    private QueryRequest Partition(string partitionKey) => new()
    {
        TableName = _table,
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
