using Analytics.Domain.Sales;
using Analytics.Functions.UploadProcessing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Functions.Tests.UploadProcessing;

public sealed class ContributionSpoolTests : IDisposable
{
    /// <summary>This test's own temp directory: Lambda's /tmp, with nothing of other processes in it.</summary>
    private readonly string _tmp = Directory.CreateTempSubdirectory("analytics-spool-tests-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

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
        await using var spool = new ContributionSpool(NullLogger.Instance, budget, _tmp);
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
        var spool = new ContributionSpool(NullLogger.Instance, memoryBudgetLines: 1, _tmp);
        await spool.AddAsync(Contribution(1), CancellationToken.None);
        await spool.AddAsync(Contribution(2), CancellationToken.None);
        var created = Assert.Single(Directory.GetFiles(_tmp));
        Assert.StartsWith(ContributionSpool.FilePrefix, Path.GetFileName(created), StringComparison.Ordinal);

        await spool.DisposeAsync();

        Assert.False(File.Exists(created));
    }

    [Fact]
    public async Task Constructor_SpoolFilesLeftByADeadProcess_DeletesTheStaleOnesOnly()
    {
        var stale = SpoolFile(age: ContributionSpool.StaleAfter + TimeSpan.FromMinutes(1));
        var longAgo = SpoolFile(age: TimeSpan.FromDays(3));
        var live = SpoolFile(age: ContributionSpool.StaleAfter - TimeSpan.FromMinutes(1)); // another spool still writing
        var notOurs = Path.Combine(_tmp, "analytics-spool-notes.txt");
        File.WriteAllText(notOurs, "x");
        File.SetLastWriteTimeUtc(notOurs, DateTime.UtcNow.AddDays(-3));

        await using var spool = new ContributionSpool(NullLogger.Instance, directory: _tmp);

        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(longAgo));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(notOurs));
    }

    [Fact]
    public async Task Constructor_TempDirectoryMissing_StartsAnyway()
    {
        var missing = Path.Combine(_tmp, "gone");

        await using var spool = new ContributionSpool(NullLogger.Instance, directory: missing);

        Assert.False(spool.Spilled);
    }

    private string SpoolFile(TimeSpan age)
    {
        var path = Path.Combine(_tmp, $"{ContributionSpool.FilePrefix}{Guid.NewGuid():N}{ContributionSpool.FileExtension}");
        File.WriteAllText(path, "{}\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }
}
