using Analytics.Cli.Embedded;
using Analytics.Domain.Sales;
using Analytics.Functions.DailyAnalysis;
using Analytics.Testing;

namespace Analytics.Cli.Tests;

/// <summary>The run's store-days in the (folder) bucket: gzipped JSON lines written and read back.</summary>
public sealed class AnalysisArtifactsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-artifacts-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task WriteStoreDaysAsync_ThenRead_GivesTheSameStoreDays_LinesLongerThanTheReadBufferIncluded()
    {
        var artifacts = new AnalysisArtifacts(new FolderObjectStore(_root.FullName, "local"));
        var date = new DateOnly(2025, 1, 15);
        List<StoreDaySummary> stores =
        [
            .. new SyntheticChain(300, skusPerStoreDay: 30).Day(date, withSkus: true),
            .. new SyntheticChain(3, seed: 7, catalogueSize: 5_000, skusPerStoreDay: 2_000).Day(date, withSkus: true), // ~300 KB lines
        ];

        await artifacts.WriteStoreDaysAsync("runs/day.jsonl.gz", stores, CancellationToken.None);
        var read = await artifacts.ReadStoreDaysAsync("runs/day.jsonl.gz", CancellationToken.None);

        Assert.Equal(stores.Count, read.Count);
        Assert.Equal(stores.Select(s => SalesJson.SerializeSummary(s)), read.Select(s => SalesJson.SerializeSummary(s)));
    }
}
