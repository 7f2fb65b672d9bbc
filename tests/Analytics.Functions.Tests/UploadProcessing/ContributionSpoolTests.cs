using Analytics.Domain.Sales;
using Analytics.Functions.UploadProcessing;

namespace Analytics.Functions.Tests.UploadProcessing;

public sealed class ContributionSpoolTests
{
    private static StoreDayContribution Contribution(int store) => new($"{store:x32}", "uploads/a.json", new StoreDaySummary
    {
        StoreId = $"store-{store:D4}",
        BusinessDate = new DateOnly(2025, 1, 15),
        Currency = "GBP",
        Totals = new SalesTotals(2, 3, 2, 10.001m, 0.5m),
        Hours = [new HourSales(9, 2, 3, 9.501m)],
        Categories = [new CategorySales("Bags", 2, 3, 2, 10.001m, 0.5m)],
        PaymentMethods = [new PaymentMethodSales("card", 2, 9.501m)],
        Skus = [new SkuSales("SKU-1", "Tote \"big\"", "Bags", 3, 2, 10.001m, 0.5m)],
    });

    [Theory]
    [InlineData(ContributionSpool.MemoryBudgetLines, false)]
    [InlineData(5, true)]
    public async Task ReadBatchesAsync_InMemoryOrSpilledToDisk_ReturnsEveryContributionInOrderAndIntact(int budget, bool spills)
    {
        var added = Enumerable.Range(1, 7).Select(Contribution).ToList();
        await using var spool = new ContributionSpool(budget);
        foreach (var contribution in added)
        {
            await spool.AddAsync(contribution, CancellationToken.None);
        }

        var batches = new List<IReadOnlyList<StoreDayContribution>>();
        await foreach (var batch in spool.ReadBatchesAsync(3, CancellationToken.None))
        {
            batches.Add(batch);
        }

        Assert.Equal(spills, spool.Spilled);
        Assert.Equal([3, 3, 1], batches.Select(b => b.Count));
        var read = batches.SelectMany(b => b).ToList();
        Assert.Equal(added.Select(c => (c.ContributionId, c.Summary.StoreId)), read.Select(c => (c.ContributionId, c.Summary.StoreId)));
        Assert.Equal(added[6].Summary.Skus, read[6].Summary.Skus);
        Assert.Equal(added[6].Summary.Totals, read[6].Summary.Totals);
        Assert.Equal(added[6].Summary.Hours, read[6].Summary.Hours);
    }

    [Fact]
    public async Task DisposeAsync_AfterSpilling_DeletesTheTemporaryFile()
    {
        var before = Directory.GetFiles(Path.GetTempPath(), "analytics-spool-*").ToHashSet();
        var spool = new ContributionSpool(memoryBudgetLines: 1);
        await spool.AddAsync(Contribution(1), CancellationToken.None);
        await spool.AddAsync(Contribution(2), CancellationToken.None);
        var created = Assert.Single(Directory.GetFiles(Path.GetTempPath(), "analytics-spool-*").Except(before));

        await spool.DisposeAsync();

        Assert.False(File.Exists(created));
    }
}
