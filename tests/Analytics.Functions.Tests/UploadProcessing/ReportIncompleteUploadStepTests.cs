using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Functions.Hosting;
using Analytics.Functions.UploadProcessing;
using NSubstitute;

namespace Analytics.Functions.Tests.UploadProcessing;

public sealed class ReportIncompleteUploadStepTests
{
    private const string Bucket = "data-bucket";
    private readonly IObjectStore _objects = Substitute.For<IObjectStore>();
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);

    public ReportIncompleteUploadStepTests()
    {
        _objects.BucketName.Returns(Bucket);
        UploadFiles.ListPresent(_objects, _present);
    }

    private void GivenPending(string key, int storeDays)
    {
        var upload = new PendingUpload(ProcessUploadStep.UploadId(Bucket, key), key, DateTimeOffset.UnixEpoch,
            [.. Enumerable.Range(1, storeDays).Select(i => new StoreDayKey(new DateOnly(2025, 1, 15), $"store-{i:D4}"))]);
        var pendingKey = PendingUploads.Key(upload.UploadId);
        _present.Add(pendingKey);
        _objects.OpenReadAsync(pendingKey, Arg.Any<CancellationToken>())
                .Returns(_ => new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(upload, StepJsonContext.Default.PendingUpload)));
    }

    private static IncompleteUploadInput Input(string eventKey) =>
        new(new ObjectCreatedDetail(new BucketReference(Bucket), new ObjectReference(eventKey)), new StepFailure("States.Timeout"));

    [Fact]
    public async Task HandleAsync_PendingSaveRecorded_NamesTheFileTheErrorAndEveryStoreDay()
    {
        GivenPending("uploads/store-0001/day 15.json", 2);

        var report = await new ReportIncompleteUploadStep(new PendingUploads(_objects)).HandleAsync(Input("uploads/store-0001/day+15.json"), CancellationToken.None);

        Assert.Equal("Upload not stored: day 15.json", report.Subject);
        Assert.Contains("uploads/store-0001/day 15.json", report.Message, StringComparison.Ordinal);
        Assert.Contains("(States.Timeout)", report.Message, StringComparison.Ordinal);
        Assert.Contains("2 store-day(s) are missing: store-0001 2025-01-15, store-0002 2025-01-15.", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ManyStoreDays_NamesTheFirstAndWhereTheRestAre()
    {
        GivenPending("uploads/chain.json", 400);

        var report = await new ReportIncompleteUploadStep(new PendingUploads(_objects)).HandleAsync(Input("uploads/chain.json"), CancellationToken.None);

        Assert.Contains("store-0020 2025-01-15 and 380 more (all in pending/", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("store-0021", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NothingRecorded_SaysTheStoreDaysAreNotKnown()
    {
        var report = await new ReportIncompleteUploadStep(new PendingUploads(_objects)).HandleAsync(Input("uploads/day.json"), CancellationToken.None);

        Assert.Contains("uploads/day.json", report.Message, StringComparison.Ordinal);
        Assert.Contains("which store-days it holds is not known", report.Message, StringComparison.Ordinal);
    }
}
