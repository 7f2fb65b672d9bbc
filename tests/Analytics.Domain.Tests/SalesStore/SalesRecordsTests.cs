using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.SalesStore;

public sealed class SalesRecordsTests
{
    private const string Upload = "00000000000000ab";

    [Fact]
    public async Task SaveAsync_MoreRecordsThanOneBatch_StagesInBatchesOfAHundredThenCommitsEveryStoreDayOnce()
    {
        var store = new RecordingSalesStore();
        StoreDayRecord[] records =
        [
            .. Enumerable.Range(0, 250).Select(i => Withdrawal($"store-{i % 125:D4}", new DateOnly(2025, 1, 1).AddDays(i / 125))),
        ];

        await store.SaveAsync(Upload, records, CancellationToken.None);

        Assert.Equal([$"stage {Upload} 100", $"stage {Upload} 100", $"stage {Upload} 50", $"commit {Upload} 250"], store.Calls);
        Assert.Equal(records.Select(r => r.Key).ToHashSet(), store.Committed.ToHashSet());
    }

    [Fact]
    public async Task SaveAsync_SameStoreDayTwice_CommitsItOnce()
    {
        var store = new RecordingSalesStore();
        var day = new DateOnly(2025, 1, 1);

        await store.SaveAsync(Upload, [Withdrawal("store-0001", day), Withdrawal("store-0001", day) with { Revision = 2 }], CancellationToken.None);

        Assert.Equal([new StoreDayKey(day, "store-0001")], store.Committed);
    }

    [Theory]
    [InlineData(2L, "a", 1L, "b", true)] // the higher revision, whatever the upload ids
    [InlineData(1L, "b", 2L, "a", false)]
    [InlineData(3L, "0b", 3L, "0a", true)] // equal revisions: the higher upload id, ordinal
    [InlineData(3L, "0a", 3L, "0b", false)]
    [InlineData(3L, "0a", 3L, "0a", false)] // a record does not supersede itself
    public void Supersedes_ComparesRevisionThenUploadId(long revision, string upload, long otherRevision, string otherUpload, bool expected) =>
        Assert.Equal(expected, StoreDayRecord.Supersedes(revision, upload, otherRevision, otherUpload));

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("0123456789ABCDEF", false)]
    [InlineData("g", false)]
    [InlineData("ab#c", false)]
    public void IsValidUploadId_LowerCaseHexOnly(string uploadId, bool expected) =>
        Assert.Equal(expected, SalesRecords.IsValidUploadId(uploadId));

    private static StoreDayRecord Withdrawal(string storeId, DateOnly date) => new(storeId, date, 1, Upload, "uploads/x.json", null);

    /// <summary>Records what <see cref="SalesRecords.SaveAsync"/> asks of the port.</summary>
    private sealed class RecordingSalesStore : ISalesStore
    {
        public List<string> Calls { get; } = [];

        public List<StoreDayKey> Committed { get; } = [];

        public Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken)
        {
            Calls.Add($"stage {uploadId} {records.Count}");
            return Task.CompletedTask;
        }

        public Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken)
        {
            Calls.Add($"commit {uploadId} {storeDays.Count}");
            Committed.AddRange(storeDays);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
