using System.Text;
using System.Text.Json;
using Analytics.Domain.Exports;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Exports;

/// <summary>Keys, parts, reruns, failures part-way and the manifests.</summary>
public sealed class QuickSightExporterPartitionTests
{
    private static readonly DateOnly Day = ExportData.Day;
    private readonly InMemoryObjectStore _store = new("retail-data");

    private Task<QuickSightExport> ExportAsync(IReadOnlyList<StoreDaySummary> day, long maxPartBytes = QuickSightExporter.DefaultMaxPartBytes) =>
        new QuickSightExporter(_store, maxPartBytes).ExportAsync(ExportData.Insights(day), day, CancellationToken.None);

    [Fact]
    public async Task ExportAsync_HandData_WritesOnePartPerDatasetAndOneManifestEach()
    {
        await ExportAsync(HandData.Today);

        Assert.Equal(
            [
                "exports/quicksight/anomalies/dt=2025-03-12/part-00000.ndjson",
                "exports/quicksight/company_daily/dt=2025-03-12/part-00000.ndjson",
                "exports/quicksight/manifests/anomalies.json",
                "exports/quicksight/manifests/company_daily.json",
                "exports/quicksight/manifests/product_daily.json",
                "exports/quicksight/manifests/recommendations.json",
                "exports/quicksight/manifests/sales_forecast.json",
                "exports/quicksight/manifests/store_daily.json",
                "exports/quicksight/product_daily/dt=2025-03-12/part-00000.ndjson",
                "exports/quicksight/recommendations/dt=2025-03-12/part-00000.ndjson",
                "exports/quicksight/sales_forecast/dt=2025-03-12/part-00000.ndjson",
                "exports/quicksight/store_daily/dt=2025-03-12/part-00000.ndjson",
            ],
            _store.Keys());
    }

    [Fact]
    public async Task ExportAsync_Manifest_PointsAtTheDatasetPrefixOfEveryDateAsJson()
    {
        await ExportAsync(HandData.Today);

        using var manifest = JsonDocument.Parse(_store.Content("exports/quicksight/manifests/product_daily.json"));
        var root = manifest.RootElement;
        Assert.Equal(["fileLocations", "globalUploadSettings"], root.EnumerateObject().Select(p => p.Name));
        var location = Assert.Single(root.GetProperty("fileLocations").EnumerateArray());
        Assert.Equal(["URIPrefixes"], location.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["s3://retail-data/exports/quicksight/product_daily/"], location.GetProperty("URIPrefixes").EnumerateArray().Select(u => u.GetString()));
        // For JSON files QuickSight takes only "format" (no delimiter, textqualifier or containsHeader).
        Assert.Equal(["format"], root.GetProperty("globalUploadSettings").EnumerateObject().Select(p => p.Name));
        Assert.Equal("JSON", root.GetProperty("globalUploadSettings").GetProperty("format").GetString());
        Assert.Equal("application/json", _store.ContentType("exports/quicksight/manifests/product_daily.json"));
        Assert.False(_store.Content("exports/quicksight/manifests/product_daily.json").AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }

    [Fact]
    public async Task ExportAsync_RerunOfTheDate_LeavesExactlyTheObjectsOfOneRun()
    {
        await ExportAsync(HandData.Today, maxPartBytes: 300);
        var once = _store.Snapshot();

        await ExportAsync(HandData.Today, maxPartBytes: 300);

        var twice = _store.Snapshot();
        Assert.Equal(once.Keys, twice.Keys);
        Assert.All(once, o => Assert.Equal(o.Value, twice[o.Key]));
        Assert.True(_store.Keys(QuickSightKeys.Partition(QuickSightDatasets.StoreDaily, Day)).Count > 1); // several parts were compared
    }

    [Fact]
    public async Task ExportAsync_RerunWithFewerStores_DeletesStalePartsAfterWritingTheNewOnes()
    {
        var partition = QuickSightKeys.Partition(QuickSightDatasets.StoreDaily, Day);
        await ExportAsync(HandData.Today, maxPartBytes: 300); // about one store row a part
        Assert.Equal(3, _store.Keys(partition).Count);
        _store.Put(partition + "stray.ndjson", [1, 2, 3]);
        _store.Log.Clear();

        var export = await ExportAsync([HandData.Today[0]], maxPartBytes: 300);

        Assert.Equal([partition + "part-00000.ndjson"], _store.Keys(partition));
        Assert.Equal(["s1"], ExportedRows.Read(_store, QuickSightDatasets.StoreDaily, Day).Select(r => r.Text("store_id")));
        var log = _store.Log.Where(l => l.Contains(partition, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["put " + partition + "part-00000.ndjson", "delete " + partition + "part-00001.ndjson",
             "delete " + partition + "part-00002.ndjson", "delete " + partition + "stray.ndjson"],
            log);
        Assert.Equal((1, 1), (export.Datasets[0].Parts, export.Datasets[0].Rows));
    }

    [Fact]
    public async Task ExportAsync_FailsWhileWritingParts_PartitionKeepsRowsAndARetryConverges()
    {
        var partition = QuickSightKeys.Partition(QuickSightDatasets.StoreDaily, Day);
        await ExportAsync(HandData.Today, maxPartBytes: 300);
        var before = _store.Keys(partition);

        _store.FailAfter(1); // the rerun's second store_daily part fails
        await Assert.ThrowsAsync<IOException>(() => ExportAsync([HandData.Today[0], HandData.Today[1]], maxPartBytes: 300));

        Assert.Equal(before, _store.Keys(partition)); // nothing deleted before every new part was in place: never empty
        await ExportAsync([HandData.Today[0], HandData.Today[1]], maxPartBytes: 300);
        Assert.Equal(["s1", "s2"], ExportedRows.Read(_store, QuickSightDatasets.StoreDaily, Day).Select(r => r.Text("store_id")));
        Assert.Equal(2, _store.Keys(partition).Count);
    }

    [Fact]
    public async Task ExportAsync_OtherDates_AreLeftAlone()
    {
        var otherDay = QuickSightKeys.Part(QuickSightDatasets.StoreDaily, Day.AddDays(-1), 0);
        _store.Put(otherDay, [(byte)'{', (byte)'}', (byte)'\n']);

        await ExportAsync(HandData.Today);

        Assert.Contains(otherDay, _store.Keys());
    }

    [Fact]
    public async Task ExportAsync_DatasetWithoutRows_HasNoPartsThatDay()
    {
        var insights = ExportData.Insights() with { Recommendations = [] };

        var export = await new QuickSightExporter(_store).ExportAsync(insights, HandData.Today, CancellationToken.None);

        Assert.Empty(_store.Keys(QuickSightKeys.Partition(QuickSightDatasets.Recommendations, Day)));
        Assert.Equal((0, 0, 0L), (export.Datasets[4].Parts, export.Datasets[4].Rows, export.Datasets[4].Bytes));
        Assert.Contains(QuickSightKeys.Manifest(QuickSightDatasets.Recommendations), _store.Keys());
    }

    [Fact]
    public async Task ExportAsync_HostileText_RoundTripsExactlyOnOneLine()
    {
        const string name = "Say \"hi\"\\ \n</script><b>&'\t\u2028 Ünïcødé 日本 🍵 \u0000";
        const string storeId = "s\"1</script>\r\n";
        var day = HandData.Today.Select(s => s.StoreId == "s1"
            ? s with { StoreId = storeId, Skus = [.. s.Skus.Select(k => k with { Name = name, Category = name })] }
            : s).ToList();
        var insights = ExportData.Insights(day) with
        {
            Recommendations = [ExportData.Recommendations[0] with { Title = name, Action = name, SubjectId = storeId }],
        };

        await new QuickSightExporter(_store).ExportAsync(insights, day, CancellationToken.None);

        var stores = ExportedRows.Read(_store, QuickSightDatasets.StoreDaily, Day);
        Assert.Equal(3, stores.Count); // one line per row despite the newlines
        Assert.Contains(stores, r => r.Text("store_id") == storeId);
        var products = ExportedRows.Read(_store, QuickSightDatasets.ProductDaily, Day);
        Assert.Equal(5, products.Count);
        // s2 and s3 sell T1 and T2 too; the hostile text is ordinal-smaller than their names ("S" < "T"), so it is kept.
        Assert.All(products.Where(p => p.Text("sku") is "T1" or "T2"), p => Assert.Equal((name, name), (p.Text("name"), p.Text("category"))));
        var recommendation = Assert.Single(ExportedRows.Read(_store, QuickSightDatasets.Recommendations, Day));
        Assert.Equal((name, name, storeId), (recommendation.Text("title"), recommendation.Text("action"), recommendation.Text("subject_id")));
        foreach (var key in _store.Keys("exports/quicksight/").Where(k => k.EndsWith(".ndjson", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(_store.Content(key));
            Assert.DoesNotContain("</script>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u2028", text, StringComparison.Ordinal);
        }
    }
}
