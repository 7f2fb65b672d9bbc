using Analytics.Cli.Embedded;
using Analytics.Domain.Storage;

namespace Analytics.Adapters.Tests.Storage;

/// <summary>The object store contract on a fresh temp folder per test, plus the folder's key checks.</summary>
public sealed class FolderObjectStoreTests : ObjectStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-bucket-").FullName;

    public FolderObjectStoreTests() => Store = new FolderObjectStore(Path.Combine(_folder, "bucket"), "local");

    protected override IObjectStore Store { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../x")]
    [InlineData("a/../b")]
    [InlineData("a\\b")]
    [InlineData("./a")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("..")]
    [InlineData("a/.~tmp-123")]
    public async Task AnyOperation_InvalidKey_IsRefused(string key)
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => WriteTextAsync(key, "x"));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.OpenReadAsync(key, None));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.ExistsAsync(key, None));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.DeleteAsync(key, None));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.MoveAsync("a.txt", key, None));
        Assert.False(File.Exists(Path.Combine(_folder, "x")));
    }

    [Theory]
    [InlineData(255, true)]
    [InlineData(256, false)]
    public async Task WriteAsync_SegmentOfAFileNamesLength_IsHeldOneByteMoreIsRefused(int bytes, bool held)
    {
        // 'é' is two bytes in UTF-8: the limit counts bytes, as file systems do.
        var key = "uploads/" + new string('é', bytes / 2) + new string('x', bytes % 2);

        var write = Record.ExceptionAsync(() => WriteTextAsync(key, "x"));

        Assert.Equal(held, await write is null);
    }

    [Fact]
    public async Task WriteAsync_KeyLongerThanS3Allows_IsRefused()
    {
        var key = string.Join('/', Enumerable.Repeat(new string('k', 200), 5)) + "/abcdefghijklmnopqrstuvwxyz";

        var refused = await Assert.ThrowsAsync<InvalidObjectKeyException>(() => WriteTextAsync(key, "x"));

        Assert.Contains("1024 bytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_PrefixEscapingTheFolder_IsRefused() =>
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => ListAsync("../"));

    [Fact]
    public async Task ListAsync_TempFileOfAWriteInProgress_IsSkipped()
    {
        await WriteTextAsync("uploads/a.json", "a");
        await File.WriteAllTextAsync(Path.Combine(_folder, "bucket", "uploads", FolderObjectStore.TempPrefix + "123"), "partial");

        Assert.Equal(["uploads/a.json"], (await ListAsync("uploads/")).Select(o => o.Key));
    }

    [Fact]
    public async Task OpenReadAsync_KeyOfAFolder_ThrowsObjectNotFound()
    {
        await WriteTextAsync("a/b.txt", "b");

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync("a", None));
    }

    [Fact]
    public void BucketName_IsTheConfiguredName() => Assert.Equal("local", Store.BucketName);
}
