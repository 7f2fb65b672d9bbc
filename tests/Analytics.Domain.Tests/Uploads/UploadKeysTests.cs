using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

public sealed class UploadKeysTests
{
    [Theory]
    [InlineData("uploads/store-0042/2025-01-15.json", "store-0042")]
    [InlineData("uploads/store-0042/2025/01/x.json", "store-0042")]
    [InlineData("uploads//x.json", "")] // an empty folder name is no store: every store-day mismatches
    [InlineData("uploads/20250122_143022_data.json", null)] // head office: any store
    [InlineData("rejected/store-0042/x.json", null)]
    [InlineData("store-0042/x.json", null)]
    public void OwningStore_Key_IsTheFirstFolderUnderUploads(string key, string? store) =>
        Assert.Equal(store, UploadKeys.OwningStore(key));
}
