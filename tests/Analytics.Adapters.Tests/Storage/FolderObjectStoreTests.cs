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
    public async Task WriteAsync_FirstOfTheStore_DeletesTempFilesLeftByADeadProcessOnceStale()
    {
        var stale = TempFile("uploads/store-0042", age: FolderObjectStore.StaleTempAfter + TimeSpan.FromMinutes(1));
        var staleAtTheTop = TempFile("", age: TimeSpan.FromDays(3));
        var inProgress = TempFile("uploads", age: FolderObjectStore.StaleTempAfter - TimeSpan.FromMinutes(1));
        var oldObject = Path.Combine(_folder, "bucket", "uploads", "old.json");
        File.WriteAllText(oldObject, "kept");
        File.SetLastWriteTimeUtc(oldObject, DateTime.UtcNow.AddDays(-3));

        await WriteTextAsync("reports/r.txt", "r");

        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(staleAtTheTop));
        Assert.True(File.Exists(inProgress));
        Assert.True(File.Exists(oldObject));
    }

    [Fact]
    public async Task WriteAsync_AfterTheFirst_DoesNotWalkTheFolderAgain()
    {
        await WriteTextAsync("uploads/a.json", "a");
        var staleSinceTheFirst = TempFile("uploads", age: TimeSpan.FromDays(3));

        await WriteTextAsync("uploads/b.json", "b");

        Assert.True(File.Exists(staleSinceTheFirst));
    }

    /// <summary>A temp file as a write that never finished leaves it, in <paramref name="folder"/> of the bucket.</summary>
    private string TempFile(string folder, TimeSpan age)
    {
        var directory = Path.Combine(_folder, "bucket", folder);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FolderObjectStore.TempPrefix + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "partial");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
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
