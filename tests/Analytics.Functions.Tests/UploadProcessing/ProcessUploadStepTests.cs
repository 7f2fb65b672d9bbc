using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.Hosting;
using Analytics.Functions.UploadProcessing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Analytics.Functions.Tests.UploadProcessing;

public sealed partial class ProcessUploadStepTests
{
    private const string Bucket = "data-bucket";
    private const string Key = "uploads/day.json";
    private readonly IObjectStore _objects = Substitute.For<IObjectStore>();
    private readonly ISalesStore _sales = Substitute.For<ISalesStore>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 2, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<IReadOnlyList<StoreDayRecord>> _saved = [];
    private readonly List<IReadOnlyCollection<StoreDayKey>> _committed = [];
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _written = new(StringComparer.Ordinal);
    private readonly RecordingLogger _log = new();

    public ProcessUploadStepTests()
    {
        _objects.BucketName.Returns(Bucket);
        UploadFiles.ListPresent(_objects, _present);
        _sales.StageAsync(Arg.Any<string>(), Arg.Do<IReadOnlyList<StoreDayRecord>>(_saved.Add), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        _sales.CommitAsync(Arg.Any<string>(), Arg.Do<IReadOnlyCollection<StoreDayKey>>(_committed.Add), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);

        UploadFiles.KeepWrites(_objects, _present, _written);
    }

    private ProcessUploadStep CreateStep()
    {
        var reader = new UploadReader(_time, Options.Create(new UploadOptions()));
        return new(_objects, reader, new StoreDayRecorder(_objects, _sales, new StoreDayLedger(_objects), reader), new PendingUploads(_objects),
                   new RejectionReports(_objects, _time), _time, _log);
    }

    private static ProcessUploadInput Event(string bucket = Bucket, string key = Key) =>
        new(new ObjectCreatedDetail(new BucketReference(bucket), new ObjectReference(key)));

    private void GivenFile(string json)
    {
        _present.Add(Key);
        _objects.OpenReadAsync(Key, Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(json));
    }

    [Fact]
    public async Task HandleAsync_ValidFile_SavesEveryStoreDayAndSummarizes()
    {
        GivenFile(UploadFiles.Array(UploadFiles.StoreDay("store-0001", "2025-01-15", 3), UploadFiles.StoreDay("store-0002", "2025-01-15", 2)));

        var output = await CreateStep().HandleAsync(Event(), CancellationToken.None);

        Assert.Equal(["store-0001", "store-0002"], _saved.SelectMany(b => b).Select(c => c.StoreId));
        Assert.All(_saved.SelectMany(b => b), c => Assert.Equal((Key, 1L, ProcessUploadStep.UploadId(Bucket, Key)), (c.SourceKey, c.Revision, c.UploadId)));
        Assert.Equal(["store-0001", "store-0002"], Assert.Single(_committed).Select(d => d.StoreId));
        Assert.Equal(("accepted", 2, 5, 10L, 100.00m), (output.Status, output.StoreDays, output.Transactions, output.Units, output.NetRevenue));
        Assert.Equal(ProcessUploadStep.UploadId(Bucket, Key), output.UploadId);
        await _objects.DidNotReceiveWithAnyArgs().MoveAsync(default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_KeyUrlEncodedAsS3EventsDo_ReadsTheDecodedKey()
    {
        const string stored = "uploads/store 0001 (copy).json";
        _present.Add(stored);
        _objects.OpenReadAsync(stored, Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(UploadFiles.StoreDay("store-0001", "2025-01-15")));

        var output = await CreateStep().HandleAsync(Event(key: "uploads/store+0001+%28copy%29.json"), CancellationToken.None);

        Assert.Equal(stored, output.ObjectKey);
        Assert.Equal(stored, Assert.Single(_saved.SelectMany(b => b)).SourceKey);
    }

    [Fact]
    public async Task HandleAsync_KeyUrlEncodedAsS3EventsDo_ReadsOnlyKeysThatAreListed()
    {
        const string stored = "uploads/store 0001 (copy).json";
        _present.Add(stored);
        _objects.OpenReadAsync(stored, Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(UploadFiles.StoreDay("store-0001", "2025-01-15")));

        await CreateStep().HandleAsync(Event(key: "uploads/store+0001+%28copy%29.json"), CancellationToken.None);

        // A read of a missing key is 403 to a function that may not list the whole bucket: missing keys are never read.
        _objects.Received(1).ListAsync(stored, Arg.Any<CancellationToken>());
        await _objects.Received(2).OpenReadAsync(stored, Arg.Any<CancellationToken>()); // read, then cut into ledger entries
        await _objects.DidNotReceive().OpenReadAsync(Arg.Is<string>(k => k != stored && !k.StartsWith(StoreDayLedger.Prefix, StringComparison.Ordinal)), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("uploads/a+b%2Bc.json")]    // as S3 documents its event keys: a form's encoding
    [InlineData("uploads/a%20b%2Bc.json")]  // every reserved byte percent-encoded
    [InlineData("uploads/a%20b+c.json")]    // percent-encoded with '+' left as is
    [InlineData("uploads/a b+c.json")]      // not encoded: an event written by hand
    public async Task HandleAsync_KeyWithASpaceAndAPlus_ReadsTheUploadedKeyHoweverTheEventEncodesIt(string eventKey)
    {
        const string stored = "uploads/a b+c.json";
        _present.Add(stored);
        _objects.OpenReadAsync(stored, Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(UploadFiles.StoreDay("store-0001", "2025-01-15")));

        var output = await CreateStep().HandleAsync(Event(key: eventKey), CancellationToken.None);

        Assert.Equal(stored, output.ObjectKey);
        Assert.Equal(stored, Assert.Single(_saved.SelectMany(b => b)).SourceKey);
    }

    [Fact]
    public async Task HandleAsync_EventKeyThatIsAlsoAStoredKey_ReadsTheKeyS3MeantByIt()
    {
        // S3 writes the key "red+flower.json" as "red%2Bflower.json": "red+flower.json" in an event is "red flower.json".
        const string meant = "uploads/red flower.json", other = "uploads/red+flower.json";
        foreach (var (key, store) in new[] { (meant, "store-0001"), (other, "store-0002") })
        {
            _present.Add(key);
            _objects.OpenReadAsync(key, Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(UploadFiles.StoreDay(store, "2025-01-15")));
        }

        var output = await CreateStep().HandleAsync(Event(key: other), CancellationToken.None);

        Assert.Equal(meant, output.ObjectKey);
        Assert.Equal("store-0001", Assert.Single(_saved.SelectMany(b => b)).StoreId);
    }

    [Theory]
    [InlineData("uploads/a b+c.json", "uploads/a+b%2Bc.json")]
    [InlineData("uploads/2025/store 0001 (copy).json", "uploads/2025/store+0001+(copy).json")]
    public void Encode_AsS3WritesEventKeys_DecodesBackFirst(string key, string encoded)
    {
        Assert.Equal(encoded, S3EventKey.Encode(key));
        Assert.Equal(key, S3EventKey.Decodings(encoded)[0]);
    }

    [Fact]
    public async Task HandleAsync_ManyStoreDays_SavesInBatches()
    {
        GivenFile(UploadFiles.Array([.. Enumerable.Range(1, 250).Select(i => UploadFiles.StoreDay($"store-{i:D4}", "2025-01-15", 1))]));

        await CreateStep().HandleAsync(Event(), CancellationToken.None);

        Assert.Equal([100, 100, 50], _saved.Select(b => b.Count));
        Assert.Equal(250, Assert.Single(_committed).Count); // committed once, together
    }

    [Fact]
    public async Task HandleAsync_ValidFile_RecordsThePendingSaveBeforeStagingAndRemovesItAfterTheCommit()
    {
        GivenFile(UploadFiles.StoreDay("store-0001", "2025-01-15"));

        await CreateStep().HandleAsync(Event(), CancellationToken.None);

        var pending = PendingUploads.Key(ProcessUploadStep.UploadId(Bucket, Key));
        Received.InOrder(() =>
        {
            _objects.WriteAsync(pending, Arg.Any<Stream>(), "application/json", Arg.Any<CancellationToken>());
            _sales.StageAsync(Arg.Any<string>(), Arg.Any<IReadOnlyList<StoreDayRecord>>(), Arg.Any<CancellationToken>());
            _sales.CommitAsync(Arg.Any<string>(), Arg.Any<IReadOnlyCollection<StoreDayKey>>(), Arg.Any<CancellationToken>());
            _objects.DeleteAsync(pending, Arg.Any<CancellationToken>());
        });
        var recorded = JsonSerializer.Deserialize(_written[pending], StepJsonContext.Default.PendingUpload)!;
        Assert.Equal((Key, new StoreDayKey(new DateOnly(2025, 1, 15), "store-0001")), (recorded.ObjectKey, Assert.Single(recorded.StoreDays)));
    }

    [Fact]
    public async Task HandleAsync_SecondFileOfAStoreDay_RecomputesTheDayFromBothFiles()
    {
        GivenFile(UploadFiles.StoreDay("store-0001", "2025-01-15", 3));
        await CreateStep().HandleAsync(Event(), CancellationToken.None);
        GivenFile(UploadFiles.StoreDay("store-0001", "2025-01-15", 3).Replace("\"transaction_id\":\"", "\"transaction_id\":\"x", StringComparison.Ordinal));

        await CreateStep().HandleAsync(Event(), CancellationToken.None);

        var second = Assert.Single(_saved[1]);
        Assert.Equal((2L, 6), (second.Revision, second.Summary!.Totals.Transactions));
    }

    [Fact]
    public async Task HandleAsync_InvalidFile_WritesReportThenMovesFileAndThrows()
    {
        GivenFile(UploadFiles.StoreDay("store-0001", "2025-01-15").Replace("\"quantity\":2", "\"quantity\":-2", StringComparison.Ordinal));
        using var report = new MemoryStream();
        _objects.WriteAsync("rejected/day.json.error.json", Arg.Do<Stream>(s => s.CopyTo(report)), "application/json", Arg.Any<CancellationToken>())
                .Returns(Task.CompletedTask);

        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() => CreateStep().HandleAsync(Event(), CancellationToken.None));

        Assert.Equal(Key, rejection.ObjectKey);
        Assert.NotEmpty(rejection.Problems);
        Received.InOrder(() =>
        {
            _objects.WriteAsync("rejected/day.json.error.json", Arg.Any<Stream>(), "application/json", Arg.Any<CancellationToken>());
            _objects.MoveAsync(Key, "rejected/day.json", Arg.Any<CancellationToken>());
        });
        await _sales.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);
        var stored = JsonSerializer.Deserialize(report.ToArray(), StepJsonContext.Default.RejectionReport)!;
        Assert.Equal((Key, "rejected/day.json", rejection.TotalProblems), (stored.ObjectKey, stored.RejectedKey, stored.TotalProblems));
        Assert.Equal(rejection.Problems, stored.Problems);
        Assert.Equal(_time.GetUtcNow(), stored.RejectedAt);
        var line = Assert.Single(_log.Messages, m => m.Contains(ProcessUploadStep.RejectedLogMarker, StringComparison.Ordinal));
        Assert.StartsWith($"{ProcessUploadStep.RejectedLogMarker} {Key} of store(s) store-0001:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_StoreDaySentEarlierInAnotherCurrency_RejectsTheFileAndStagesNothing()
    {
        GivenFile(UploadFiles.StoreDay("store-0002", "2025-01-15").Replace("\"USD\"", "\"EUR\"", StringComparison.Ordinal));
        await CreateStep().HandleAsync(Event(), CancellationToken.None);
        var ledgerBefore = _present.Where(k => k.StartsWith(StoreDayLedger.Prefix, StringComparison.Ordinal)).ToList();
        GivenFile(UploadFiles.Array(UploadFiles.StoreDay("store-0001", "2025-01-15"), UploadFiles.StoreDay("store-0002", "2025-01-15").Replace("\"transaction_id\":\"", "\"transaction_id\":\"x", StringComparison.Ordinal)));

        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() => CreateStep().HandleAsync(Event(), CancellationToken.None));

        var problem = Assert.Single(rejection.Problems);
        Assert.Equal((UploadProblemCodes.CurrencyConflict, "store-0002", "2025-01-15"), (problem.Code, problem.StoreId, problem.BusinessDate));
        Assert.Contains("EUR", problem.Message, StringComparison.Ordinal);
        Assert.Single(_saved); // the first file's
        Assert.Single(_committed);
        Assert.Equal(ledgerBefore, _present.Where(k => k.StartsWith(StoreDayLedger.Prefix, StringComparison.Ordinal)));
        await _objects.Received(1).MoveAsync(Key, "rejected/day.json", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_FileAlreadyRejectedByEarlierAttempt_ThrowsTheSameRejection()
    {
        var problem = new UploadProblem("negative_price", "unit_price must not be negative", "$.transactions[0].items[0].unit_price", 1, 90);
        var earlier = new RejectionReport(Key, "rejected/day.json", _time.GetUtcNow(), 1, [problem]);
        _present.Add("rejected/day.json.error.json");
        _objects.OpenReadAsync("rejected/day.json.error.json", Arg.Any<CancellationToken>())
                .Returns(_ => new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(earlier, StepJsonContext.Default.RejectionReport)));

        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() => CreateStep().HandleAsync(Event(), CancellationToken.None));

        Assert.Equal([problem], rejection.Problems);
        await _objects.DidNotReceiveWithAnyArgs().MoveAsync(default!, default!, default);
        Assert.DoesNotContain(_log.Messages, m => m.Contains(ProcessUploadStep.RejectedLogMarker, StringComparison.Ordinal)); // counted once, when rejected
    }

    [Fact]
    public async Task HandleAsync_ObjectMissingAndNeverRejected_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => CreateStep().HandleAsync(Event(), CancellationToken.None));

        Assert.Equal(Key, error.Key);
        await _objects.DidNotReceiveWithAnyArgs().OpenReadAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_EventForAnotherBucket_ThrowsUnexpectedBucket()
    {
        await Assert.ThrowsAsync<UnexpectedBucketException>(() => CreateStep().HandleAsync(Event(bucket: "someone-else"), CancellationToken.None));

        await _objects.DidNotReceiveWithAnyArgs().OpenReadAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_SalesStoreThrottled_LetsTheSdkExceptionEscapeForAslRetry()
    {
        GivenFile(UploadFiles.StoreDay("store-0001", "2025-01-15"));
        _sales.StageAsync(Arg.Any<string>(), Arg.Any<IReadOnlyList<StoreDayRecord>>(), Arg.Any<CancellationToken>())
              .ThrowsAsync(new ProvisionedThroughputExceededException("slow down"));

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => CreateStep().HandleAsync(Event(), CancellationToken.None));
    }

    /// <summary>Keeps every formatted message the step logs.</summary>
    private sealed class RecordingLogger : ILogger<ProcessUploadStep>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
