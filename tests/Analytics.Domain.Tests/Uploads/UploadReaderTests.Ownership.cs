using System.Text;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>A file in a store's folder may hold that store's sales only (docs/upload-format.md, store_mismatch).</summary>
public sealed partial class UploadReaderTests
{
    private static async Task<(UploadReadResult Result, List<StoreDayContribution> Emitted)> ReadOwnedAsync(string json, string? owningStoreId)
    {
        var emitted = new List<StoreDayContribution>();
        var result = await UploadReaderHarness.CreateReader().ReadAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(json)), "uploads/store/x.json", owningStoreId,
            (c, _) => { emitted.Add(c); return ValueTask.CompletedTask; }, CancellationToken.None);
        return (result, emitted);
    }

    [Fact]
    public async Task ReadAsync_StoreDayOfAnotherStoreThanTheOwner_ReportsStoreMismatchAtItsStoreId()
    {
        var (result, emitted) = await ReadOwnedAsync(MalformedUploads.Valid, "store-0007");

        Assert.Empty(emitted);
        var problem = Assert.Single(result.Problems);
        var (line, column) = UploadReaderHarness.LocationOf(MalformedUploads.Valid, "\"store-0042\"");
        Assert.Equal((UploadProblemCodes.StoreMismatch, "$.store_id", line, column, "store-0042"),
                     (problem.Code, problem.JsonPath, problem.Line!.Value, problem.Column!.Value, problem.StoreId));
        Assert.Equal("'store_id' must be \"store-0007\", the store whose folder uploads/store-0007/ holds this file, found \"store-0042\".",
                     problem.Message);
    }

    [Fact]
    public async Task ReadAsync_SecondStoreDayOfAnotherStore_ReportsItAndEmitsNothingAfterIt()
    {
        var (result, emitted) = await ReadOwnedAsync(TwoStoreDays, "store-0042");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((UploadProblemCodes.StoreMismatch, "$[1].store_id", "store-0043"), (problem.Code, problem.JsonPath, problem.StoreId));
        Assert.Equal(UploadReaderHarness.LocationOf(TwoStoreDays, "\"store-0043\""), (problem.Line!.Value, problem.Column!.Value));
        Assert.Equal(["store-0042"], emitted.Select(c => c.Summary.StoreId)); // provisional: the caller keeps nothing of an invalid file
    }

    [Fact]
    public async Task ReadAsync_StoreIdDiffersOnlyInCase_IsAnotherStore()
    {
        var (result, _) = await ReadOwnedAsync(MalformedUploads.Valid, "STORE-0042");

        Assert.Equal(UploadProblemCodes.StoreMismatch, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task ReadAsync_EveryStoreDayOfTheOwner_IsValid()
    {
        var (result, emitted) = await ReadOwnedAsync(MalformedUploads.Valid, "store-0042");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("store-0042", Assert.Single(emitted).Summary.StoreId);
    }

    [Fact]
    public async Task ReadAsync_NoOwner_TakesEveryStore()
    {
        var (result, emitted) = await ReadOwnedAsync(TwoStoreDays, owningStoreId: null);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(["store-0042", "store-0043"], emitted.Select(c => c.Summary.StoreId));
    }
}
