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
