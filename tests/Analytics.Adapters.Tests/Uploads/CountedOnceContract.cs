using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.UploadProcessing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Analytics.Adapters.Tests.Uploads.StoreDayFiles;

namespace Analytics.Adapters.Tests.Uploads;

/// <summary>
/// ProcessUpload on real storage: every sequence of files for one store-day — the same file again, re-exports, intraday
/// batches, corrections, versions in the wrong order, withdrawals and replacements, retries and two files at once —
/// leaves exactly the store-day that a single file of the store's final record gives, SKUs included.
/// </summary>
public abstract class CountedOnceContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected abstract IObjectStore Objects { get; }

    protected abstract ISalesStore Sales { get; }

    /// <summary>The step as the function runs it, over <paramref name="objects"/> and <paramref name="sales"/> (by default the
    /// store's own; a test may put a failing one in front).</summary>
    protected ProcessUploadStep Step(IObjectStore? objects = null, ISalesStore? sales = null)
    {
        objects ??= Objects;
        var reader = Reader();
        return new ProcessUploadStep(objects, reader, new StoreDayRecorder(objects, sales ?? Sales, new StoreDayLedger(objects), reader),
                                     new PendingUploads(objects), new RejectionReports(objects, TimeProvider.System), TimeProvider.System,
                                     NullLogger<ProcessUploadStep>.Instance);
    }

    protected async Task PutAsync(string key, string json) =>
        await Objects.WriteAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(json)), "application/json", None);

    protected static ProcessUploadInput Event(IObjectStore objects, string key) =>
        new(new ObjectCreatedDetail(new BucketReference(objects.BucketName), new ObjectReference(S3EventKey.Encode(key))));

    /// <summary>Puts the file in the bucket and runs ProcessUpload on its event, as EventBridge and Step Functions would.</summary>
    protected async Task<ProcessUploadOutput> UploadAsync(string key, string json)
    {
        await PutAsync(key, json);
        return await Step().HandleAsync(Event(Objects, key), None);
    }

    protected async Task<StoreDaySummary?> StoredAsync(string storeId = StoreId) =>
        (await Sales.GetDayAsync(Day, SalesDetail.WithSkus, None)).SingleOrDefault(s => s.StoreId == storeId);

    protected Task AssertStoredIsAsync(params Receipt[] finalRecord) => AssertStoredIsAsync(StoreId, finalRecord);

    protected async Task AssertStoredIsAsync(string storeId, IEnumerable<Receipt> finalRecord)
    {
        var expected = await RecordOfAsync(storeId, finalRecord);
        var stored = await StoredAsync(storeId);
        Assert.Equivalent(expected, stored, strict: true);
    }

    /// <summary>How many random histories <see cref="RandomVersionsDuplicatesRetriesAndInterleavings_LeaveTheFinalRecord"/> replays.</summary>
    protected virtual int PropertyRuns => 30;

    /// <summary>
    /// The property: a store's till exports a store-day several times (merges of random receipts with changed amounts,
    /// now and then a replacement or a withdrawal), each export stamped later than the one before; the files arrive in a
    /// random order, some twice (under the same or another name), some processed again after success (a retry), some two
    /// at once. The stored day is always the record the till holds after its last export.
    /// </summary>
    [Fact]
    public async Task RandomVersionsDuplicatesRetriesAndInterleavings_LeaveTheFinalRecord()
    {
        for (var seed = 1; seed <= PropertyRuns; seed++)
        {
            var random = new Random(seed);
            var storeId = $"store-p{seed:D3}";
            var record = new Dictionary<string, Receipt>(StringComparer.Ordinal);
            var files = new List<string>();
            var versions = random.Next(2, 7);
            for (var v = 0; v < versions; v++)
            {
                var roll = random.NextDouble();
                var action = v > 0 && roll < 0.1 ? StoreDayAction.Withdraw : roll < 0.2 ? StoreDayAction.Replace : StoreDayAction.Merge;
                var receipts = action == StoreDayAction.Withdraw ? [] : RandomReceipts(random);
                if (action != StoreDayAction.Merge)
                {
                    record.Clear();
                }

                foreach (var receipt in receipts)
                {
                    record[(receipt.IsReturn ? "R:" : "T:") + receipt.Id] = receipt;
                }

                files.Add(File($"{12 + v}:{random.Next(60):D2}", action, storeId, receipts));
            }

            var deliveries = files.Select((file, v) => (File: file, Key: $"uploads/{storeId}/v{v}.json")).ToList();
            deliveries.AddRange(deliveries.Where(_ => random.NextDouble() < 0.4).Select(d => (d.File, random.Next(2) == 0 ? d.Key : d.Key.Replace(".json", "-again.json", StringComparison.Ordinal))).ToList());
            deliveries = [.. deliveries.OrderBy(_ => random.Next())];
            for (var i = 0; i < deliveries.Count; i++)
            {
                if (i + 1 < deliveries.Count && deliveries[i].Key != deliveries[i + 1].Key && random.NextDouble() < 0.3)
                {
                    await PutAsync(deliveries[i].Key, deliveries[i].File);
                    await PutAsync(deliveries[i + 1].Key, deliveries[i + 1].File);
                    var (first, second) = (deliveries[i].Key, deliveries[++i].Key);
                    await Task.WhenAll(Task.Run(() => Step().HandleAsync(Event(Objects, first), None)),
                                       Task.Run(() => Step().HandleAsync(Event(Objects, second), None)));
                    continue;
                }

                await UploadAsync(deliveries[i].Key, deliveries[i].File);
                if (random.NextDouble() < 0.2)
                {
                    await Step().HandleAsync(Event(Objects, deliveries[i].Key), None); // a retry after success
                }
            }

            await AssertStoredIsAsync(storeId, record.Values);
        }
    }

    private static readonly string[] ReceiptIds = ["T1", "T2", "T3", "T4", "T5", "T6", "R1", "R2"];

    private static List<Receipt> RandomReceipts(Random random)
    {
        var receipts = new List<Receipt>();
        foreach (var id in ReceiptIds.Where(_ => random.NextDouble() < 0.45))
        {
            var amount = random.Next(100, 10_000) / 100m;
            receipts.Add(id[0] == 'R'
                ? Refund(id, amount, hour: random.Next(9, 21), sku: random.Next(2) == 0 ? "A1" : "B2")
                : Sale(id, amount, hour: random.Next(9, 21), sku: random.Next(2) == 0 ? "A1" : "B2", payment: random.Next(3) == 0 ? "cash" : "card"));
        }

        return receipts.Count > 0 ? receipts : [Sale("T1", 1.23m)];
    }

    [Fact]
    public async Task SameFileAgain_UnderTheSameName_CountsOnce()
    {
        var file = File("12:00", StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 20m), Refund("R1", 5m));

        await UploadAsync("uploads/store-0042/day.json", file);
        await UploadAsync("uploads/store-0042/day.json", file);

        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T2", 20m), Refund("R1", 5m));
    }

    [Fact]
    public async Task SameFileAgain_UnderAnotherNameWithoutExportTime_CountsOnce()
    {
        var file = File(null, StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 20m));

        await UploadAsync("uploads/store-0042/day.json", file);
        await UploadAsync("uploads/store-0042/day (copy).json", file);
        await UploadAsync("uploads/day-from-head-office.json", file);

        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T2", 20m));
    }

    [Fact]
    public async Task CumulativeReExport_CountsEarlierTransactionsOnce()
    {
        // The table: morning T1–T3 $60, end of day T1–T4 $100, then T2 corrected to $25.
        await UploadAsync("uploads/store-0042/morning.json", File("12:00", StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 20m), Sale("T3", 30m)));
        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T2", 20m), Sale("T3", 30m));

        await UploadAsync("uploads/store-0042/evening.json",
                          File("21:00", StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 20m), Sale("T3", 30m), Sale("T4", 40m)));
        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T2", 20m), Sale("T3", 30m), Sale("T4", 40m));

        await UploadAsync("uploads/store-0042/correction.json", File("23:30", StoreDayAction.Merge, Sale("T2", 25m, sku: "B7")));
        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T2", 25m, sku: "B7"), Sale("T3", 30m), Sale("T4", 40m));
    }

    [Fact]
    public async Task IntradayBatches_AddUp()
    {
        await UploadAsync("uploads/store-0042/1.json", File("11:00", StoreDayAction.Merge, Sale("T1", 10m, hour: 9)));
        await UploadAsync("uploads/store-0042/2.json", File("14:00", StoreDayAction.Merge, Sale("T2", 20m, hour: 13), Refund("R1", 4m, hour: 13)));
        await UploadAsync("uploads/store-0042/3.json", File("20:00", StoreDayAction.Merge, Sale("T3", 30m, hour: 19, payment: "cash")));

        await AssertStoredIsAsync(Sale("T1", 10m, hour: 9), Sale("T2", 20m, hour: 13), Refund("R1", 4m, hour: 13), Sale("T3", 30m, hour: 19, payment: "cash"));
    }

    [Fact]
    public async Task TwoVersionsInTheWrongOrder_TheLaterExportWins()
    {
        await UploadAsync("uploads/store-0042/v2.json", File("22:00", StoreDayAction.Merge, Sale("T1", 12m), Refund("R1", 2m)));
        await UploadAsync("uploads/store-0042/v1.json", File("18:00", StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 5m), Refund("R1", 1m)));

        await AssertStoredIsAsync(Sale("T1", 12m), Sale("T2", 5m), Refund("R1", 2m));
    }

    [Fact]
    public async Task Withdrawal_RemovesTheStoreDay_AndALaterFileBringsItBack()
    {
        await UploadAsync("uploads/store-0042/day.json", File("18:00", StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 20m)));

        await UploadAsync("uploads/store-0042/withdraw.json", File("19:00", StoreDayAction.Withdraw));
        Assert.Null(await StoredAsync());

        await UploadAsync("uploads/store-0042/again.json", File("20:00", StoreDayAction.Merge, Sale("T3", 7m)));
        await AssertStoredIsAsync(Sale("T3", 7m));
    }

    [Fact]
    public async Task ReplacedAsAWhole_DropsWhatTheReplacementLacks()
    {
        await UploadAsync("uploads/store-0042/day.json", File("18:00", StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 20m), Refund("R1", 3m)));

        await UploadAsync("uploads/store-0042/replace.json", File("19:00", StoreDayAction.Replace, Sale("T2", 21m), Sale("T9", 9m)));

        await AssertStoredIsAsync(Sale("T2", 21m), Sale("T9", 9m));
    }

    [Fact]
    public async Task AnotherCurrencyMerged_IsRejectedAndChangesNothing()
    {
        await UploadAsync("uploads/store-0042/day.json", File("18:00", StoreDayAction.Merge, Sale("T1", 10m)));

        var euros = File("19:00", StoreDayAction.Merge, Sale("T2", 20m)).Replace("\"USD\"", "\"EUR\"", StringComparison.Ordinal);
        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() => UploadAsync("uploads/store-0042/euros.json", euros));

        Assert.Equal(UploadProblemCodes.CurrencyConflict, Assert.Single(rejection.Problems).Code);
        await AssertStoredIsAsync(Sale("T1", 10m));
        await UploadAsync("uploads/store-0042/later.json", File("20:00", StoreDayAction.Merge, Sale("T3", 1m)));
        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T3", 1m)); // the rejected file left nothing in the ledger
    }

    [Fact]
    public async Task RetriedAfterEachPossibleFault_ConvergesToOneCleanSave()
    {
        var first = File("18:00", StoreDayAction.Merge, Sale("T1", 10m), Sale("T2", 20m));
        var second = File("21:00", StoreDayAction.Merge, Sale("T2", 22m), Sale("T3", 30m), Refund("R1", 5m));
        await UploadAsync("uploads/store-0042/first.json", first);
        await PutAsync("uploads/store-0042/second.json", second);

        // Fail the n-th write or delete of the second file's processing, for every n it has, then retry.
        for (var n = 1; ; n++)
        {
            var faulty = new FailingObjectStore(Objects, n);
            var attempt = await Record.ExceptionAsync(() => Step(objects: faulty).HandleAsync(Event(faulty, "uploads/store-0042/second.json"), None));
            if (!faulty.Failed)
            {
                Assert.Null(attempt);
                break;
            }

            Assert.IsType<IOException>(attempt);
            var visible = await StoredAsync();
            Assert.True(Equivalent(visible, await RecordOfAsync([Sale("T1", 10m), Sale("T2", 20m)]))
                        || Equivalent(visible, await RecordOfAsync([Sale("T1", 10m), Sale("T2", 22m), Sale("T3", 30m), Refund("R1", 5m)])),
                        $"after a fault at write {n} the day is neither the old one nor the new one");
        }

        await Step().HandleAsync(Event(Objects, "uploads/store-0042/second.json"), None); // and once more, after success
        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T2", 22m), Sale("T3", 30m), Refund("R1", 5m));
    }

    [Fact]
    public async Task CrashBetweenStagingAndCommit_ShowsTheOldDay_AndTheRetryShowsTheNew()
    {
        await UploadAsync("uploads/store-0042/first.json", File("18:00", StoreDayAction.Merge, Sale("T1", 10m)));
        await PutAsync("uploads/store-0042/second.json", File("21:00", StoreDayAction.Merge, Sale("T2", 20m)));

        var crashing = new CommitFailingSalesStore(Sales);
        await Assert.ThrowsAsync<TimeoutException>(() => Step(sales: crashing).HandleAsync(Event(Objects, "uploads/store-0042/second.json"), None));
        await AssertStoredIsAsync(Sale("T1", 10m));

        await Step().HandleAsync(Event(Objects, "uploads/store-0042/second.json"), None);
        await AssertStoredIsAsync(Sale("T1", 10m), Sale("T2", 20m));
    }

    [Fact]
    public async Task TwoFilesOfTheStoreDayAtOnce_BothCount()
    {
        for (var round = 0; round < 5; round++)
        {
            var a = $"uploads/store-0042/a{round}.json";
            var b = $"uploads/store-0042/b{round}.json";
            await PutAsync(a, File($"1{round}:00", StoreDayAction.Merge, Sale($"A{round}", 10m + round), Sale("T0", 1m + round)));
            await PutAsync(b, File($"1{round}:30", StoreDayAction.Merge, Sale($"B{round}", 20m + round), Sale("T0", 2m + round)));

            await Task.WhenAll(Task.Run(() => Step().HandleAsync(Event(Objects, a), None)), Task.Run(() => Step().HandleAsync(Event(Objects, b), None)));
        }

        await AssertStoredIsAsync([.. Enumerable.Range(0, 5).SelectMany(r => new[] { Sale($"A{r}", 10m + r), Sale($"B{r}", 20m + r) }), Sale("T0", 6m)]);
    }

    [Fact]
    public async Task DailyRunDuringA400StoreUpload_SeesNoneOrAllOfIt()
    {
        var stores = Enumerable.Range(1, 400).Select(i => $"store-{i:D4}").ToList();
        await PutAsync("uploads/chain-2025-01-15.json",
                       "[" + string.Join(",\n", stores.Select(s => File("21:00", StoreDayAction.Merge, s, [Sale("T1", 10m), Refund("R1", 2m)]))) + "]");
        var daily = new GetStoreSummariesStep(Sales, new AnalysisArtifacts(Objects), Options.Create(new AnalysisOptions { TimeZone = "America/New_York" }));
        var seen = new List<int>();
        var observed = new ObservedSalesStore(Sales, async () =>
            seen.Add((await daily.HandleAsync(new GetStoreSummariesInput(new AnalysisRequest("2025-01-15"), $"during-{seen.Count}", DateTimeOffset.UtcNow), None)).StoreCount));

        await Step(sales: observed).HandleAsync(Event(Objects, "uploads/chain-2025-01-15.json"), None);

        Assert.True(seen.Count >= 6, $"the daily step ran {seen.Count} times"); // 4 stagings of 100 and the commit, before and after each
        Assert.Equal([0, 400], seen.Distinct().Order());
        Assert.Equal(400, seen[^1]);
        Assert.All(seen[..^1], n => Assert.Equal(0, n));
    }

    private static bool Equivalent(StoreDaySummary? actual, StoreDaySummary? expected)
    {
        try
        {
            Assert.Equivalent(expected, actual, strict: true);
            return true;
        }
        catch (Xunit.Sdk.EquivalentException)
        {
            return false;
        }
    }
}
