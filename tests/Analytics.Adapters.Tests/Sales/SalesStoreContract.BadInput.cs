using Analytics.Domain.Sales;
using static Analytics.Adapters.Tests.Sales.SalesSamples;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>What no store accepts: it refuses before writing anything.</summary>
public abstract partial class SalesStoreContract
{
    [Fact]
    public async Task StageAsync_RecordOfAnotherUpload_ThrowsAndStagesNothing()
    {
        var good = Record("store-0001", Day, upload: "a");
        var foreign = Record("store-0002", Day, upload: "b");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.StageAsync(good.UploadId, [good, foreign], None));

        Assert.Contains(foreign.UploadId, error.Message, StringComparison.Ordinal);
        await CommitAsync(good);
        await AssertNothingReadAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEF0123456789")]
    [InlineData("abc#1")]
    public async Task StageAndCommit_MalformedUploadId_Throw(string uploadId)
    {
        var record = Record("store-0001", Day) with { UploadId = uploadId };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.StageAsync(uploadId, [record], None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(uploadId, [record.Key], None));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(StoreDayRecord.MaxRevision + 1)]
    public async Task StageAsync_RevisionOutOfRange_Throws(long revision)
    {
        var record = Record("store-0001", Day, revision: revision);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StageAsync(record));

        Assert.Contains("revision", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("store#1")]
    [InlineData("-store")]
    [InlineData("")]
    public async Task StageAsync_MalformedStoreId_ThrowsAndStagesNothing(string storeId)
    {
        var good = Record("store-0001", Day);
        var bad = Record(storeId, Day) with { Summary = null };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StageAsync(good, bad));

        Assert.Contains("store id", error.Message, StringComparison.Ordinal);
        await CommitAsync(good);
        await AssertNothingReadAsync();
    }

    [Fact]
    public async Task StageAsync_SummaryOfAnotherStoreDay_Throws()
    {
        var record = Record("store-0001", Day) with { Summary = Summary("store-0002", Day) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StageAsync(record));

        Assert.Contains("store-0002", error.Message, StringComparison.Ordinal);
    }
}
