using Analytics.Domain.Uploads;
using NSubstitute;

namespace Analytics.Functions.Tests.UploadProcessing;

/// <summary>A store's folder (<c>uploads/&lt;store_id&gt;/…</c>) holds its own sales only; head office's files sit directly under <c>uploads/</c>.</summary>
public sealed partial class ProcessUploadStepTests
{
    private void GivenFileAt(string key, string json)
    {
        _present.Add(key);
        _objects.OpenReadAsync(key, Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(json));
    }

    [Fact]
    public async Task HandleAsync_StoreAFileInStoreBFolder_RejectsItAndStoresNothing()
    {
        const string key = "uploads/store-B/2025-01-15.json";
        GivenFileAt(key, UploadFiles.StoreDay("store-A", "2025-01-15"));

        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() => CreateStep().HandleAsync(Event(key: key), CancellationToken.None));

        var problem = Assert.Single(rejection.Problems);
        Assert.Equal((UploadProblemCodes.StoreMismatch, "$.store_id", "store-A"), (problem.Code, problem.JsonPath, problem.StoreId));
        await _sales.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);
        await _objects.Received(1).MoveAsync(key, "rejected/store-B/2025-01-15.json", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_OneForeignStoreDayAmongOwnOnes_RejectsTheWholeFile()
    {
        const string key = "uploads/store-A/week.json";
        GivenFileAt(key, UploadFiles.Array(UploadFiles.StoreDay("store-A", "2025-01-14"), UploadFiles.StoreDay("store-B", "2025-01-15"),
                                           UploadFiles.StoreDay("store-A", "2025-01-15")));

        var rejection = await Assert.ThrowsAsync<InvalidUploadException>(() => CreateStep().HandleAsync(Event(key: key), CancellationToken.None));

        var problem = Assert.Single(rejection.Problems);
        Assert.Equal((UploadProblemCodes.StoreMismatch, "$[1].store_id"), (problem.Code, problem.JsonPath));
        await _sales.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);
    }

    [Theory]
    [InlineData("uploads/store-A/2025-01-15.json")]
    [InlineData("uploads/store-A/2025/01/x.json")]
    public async Task HandleAsync_StoreFileInItsOwnFolder_IsAccepted(string key)
    {
        GivenFileAt(key, UploadFiles.Array(UploadFiles.StoreDay("store-A", "2025-01-14"), UploadFiles.StoreDay("store-A", "2025-01-15")));

        var output = await CreateStep().HandleAsync(Event(key: key), CancellationToken.None);

        Assert.Equal(("accepted", 2), (output.Status, output.StoreDays));
        Assert.All(_saved.SelectMany(b => b), c => Assert.Equal(("store-A", key), (c.StoreId, c.SourceKey)));
    }

    [Fact]
    public async Task HandleAsync_HeadOfficeFileDirectlyUnderUploads_IsAcceptedForEveryStore()
    {
        const string key = "uploads/20250122_143022_data.json";
        GivenFileAt(key, UploadFiles.Array(UploadFiles.StoreDay("store-A", "2025-01-15"), UploadFiles.StoreDay("store-B", "2025-01-15"),
                                           UploadFiles.StoreDay("store-C", "2025-01-15")));

        var output = await CreateStep().HandleAsync(Event(key: key), CancellationToken.None);

        Assert.Equal(3, output.StoreDays);
        Assert.Equal(["store-A", "store-B", "store-C"], _saved.SelectMany(b => b).Select(c => c.StoreId));
    }
}
