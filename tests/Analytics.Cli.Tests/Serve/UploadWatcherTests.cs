using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Serve;
using Analytics.Cli.Workflows;
using Analytics.Domain.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests.Serve;

/// <summary>
/// Files dropped under the bucket's <c>uploads/&lt;store&gt;/</c> start upload-processor as EventBridge would: once
/// per file, also after a restart, again for a file that was mid-run when the service stopped, never half-written.
/// </summary>
public sealed class UploadWatcherTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-watcher-");
    private readonly ServiceProvider _services;
    private readonly List<string> _started = [];

    public UploadWatcherTests() => _services = LocalEnvironment.CreateServices(DataDirectory);

    public void Dispose()
    {
        _services.Dispose();
        _root.Delete(recursive: true);
    }

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    private string Bucket => Path.Combine(DataDirectory, "bucket");

    private string LedgerPath => Path.Combine(DataDirectory, "serve", "uploads.json");

    /// <summary>A watcher that runs the real upload-processor on the local engine, as the service does.</summary>
    private UploadWatcher Watcher()
    {
        var workflows = _services.GetRequiredService<LocalWorkflows>();
        var machine = LocalWorkflows.Load(LocalWorkflows.UploadProcessor);
        return new UploadWatcher(Bucket, LedgerPath, async (key, size, token) =>
        {
            lock (_started)
            {
                _started.Add(key);
            }

            var input = LocalUploader.ObjectCreatedEvent("local", key, size, DateTimeOffset.UtcNow);
            var result = await workflows.RunAsync(LocalWorkflows.UploadProcessor, machine, input, null, null, token);
            return result.StatusText;
        });
    }

    private string Drop(string store, string name, string content)
    {
        var directory = Path.Combine(Bucket, "uploads", store);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<decimal?> NetRevenueAsync(string store)
    {
        var summaries = await _services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None);
        return summaries.SingleOrDefault(s => s.StoreId == store)?.Totals.NetRevenue;
    }

    [Fact]
    public async Task DroppedFile_IsProcessedOnceWhenItHasArrived()
    {
        Drop("store-0001", "day.json", SampleUploads.OneLineDay());
        var watcher = Watcher();

        var first = await watcher.ScanAsync(CancellationToken.None);
        var second = await watcher.ScanAsync(CancellationToken.None);
        var third = await watcher.ScanAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (first, second, third)); // the first scan only sees it: it may still be being written
        Assert.Equal(["uploads/store-0001/day.json"], _started);
        Assert.Equal("SUCCEEDED", watcher.Ledger["uploads/store-0001/day.json"].Status);
        Assert.Equal(20.00m, await NetRevenueAsync("store-0001"));
    }

    [Fact]
    public async Task FilesThatArrivedWhileDown_AreProcessedAtStart_AndNotAgainAfterARestart()
    {
        Drop("store-0001", "a.json", SampleUploads.OneLineDay("store-0001"));
        Drop("store-0002", "b.json", SampleUploads.OneLineDay("store-0002"));
        var before = Watcher();
        await before.ScanAsync(CancellationToken.None);
        await before.ScanAsync(CancellationToken.None);

        var restarted = Watcher();
        await restarted.ScanAsync(CancellationToken.None);
        await restarted.ScanAsync(CancellationToken.None);

        Assert.Equal(["uploads/store-0001/a.json", "uploads/store-0002/b.json"], _started.Order(StringComparer.Ordinal));
        Assert.Equal(20.00m, await NetRevenueAsync("store-0002"));
    }

    [Fact]
    public async Task FileMidRunWhenTheServiceStopped_IsProcessedOnceMore()
    {
        var path = Drop("store-0001", "day.json", SampleUploads.OneLineDay());
        var info = new FileInfo(path);
        Directory.CreateDirectory(Path.GetDirectoryName(LedgerPath)!);
        File.WriteAllText(LedgerPath, new JsonObject
        {
            ["uploads/store-0001/day.json"] = new JsonObject
            {
                ["size"] = info.Length,
                ["lastWrite"] = info.LastWriteTimeUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["status"] = "STARTED",
            },
        }.ToJsonString());
        var watcher = Watcher();

        await watcher.ScanAsync(CancellationToken.None);
        await watcher.ScanAsync(CancellationToken.None);
        await watcher.ScanAsync(CancellationToken.None);

        Assert.Single(_started);
        Assert.Equal("SUCCEEDED", watcher.Ledger["uploads/store-0001/day.json"].Status);
    }

    [Fact]
    public async Task ReplacedFile_IsProcessedAgain()
    {
        var path = Drop("store-0001", "day.json", SampleUploads.OneLineDay());
        var watcher = Watcher();
        await watcher.ScanAsync(CancellationToken.None);
        await watcher.ScanAsync(CancellationToken.None);

        File.WriteAllText(path, SampleUploads.OneLineDay().Replace("\"quantity\":2", "\"quantity\":4", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));
        await watcher.ScanAsync(CancellationToken.None);
        await watcher.ScanAsync(CancellationToken.None);

        Assert.Equal(2, _started.Count);
        Assert.Equal(41.00m, await NetRevenueAsync("store-0001"));
    }

    [Fact]
    public async Task FilesDirectlyUnderUploads_AreLeftToTheUploadCommand()
    {
        Directory.CreateDirectory(Path.Combine(Bucket, "uploads"));
        File.WriteAllText(Path.Combine(Bucket, "uploads", "head-office.json"), SampleUploads.OneLineDay());
        var watcher = Watcher();

        await watcher.ScanAsync(CancellationToken.None);
        await watcher.ScanAsync(CancellationToken.None);

        Assert.Empty(_started);
    }
}
