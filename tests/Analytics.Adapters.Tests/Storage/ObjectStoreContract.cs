using System.Text;
using Analytics.Domain.Storage;

namespace Analytics.Adapters.Tests.Storage;

/// <summary>What every <see cref="IObjectStore"/> adapter must do; each adapter's test class runs all of it.</summary>
public abstract class ObjectStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected abstract IObjectStore Store { get; }

    [Fact]
    public async Task ExistsAsync_MissingKey_ReturnsFalse() => Assert.False(await Store.ExistsAsync("uploads/missing.json", None));

    [Fact]
    public async Task OpenReadAsync_MissingKey_ThrowsObjectNotFound()
    {
        var e = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync("uploads/missing.json", None));
        Assert.Equal("uploads/missing.json", e.Key);
    }

    [Fact]
    public async Task OpenReadIfPresentAsync_KeyPrefixingOthers_ReadsItAndMissingKeysAreNull()
    {
        await WriteTextAsync("analysis/runs/r/anomalies.json.bak", "backup");
        await WriteTextAsync("analysis/runs/r/anomalies.json", "saved");
        await WriteTextAsync("analysis/runs/r/anomalies.jsonl", "other");

        await using (var content = await Store.OpenReadIfPresentAsync("analysis/runs/r/anomalies.json", None))
        {
            Assert.Equal("saved", await new StreamReader(content!).ReadToEndAsync());
        }

        Assert.Null(await Store.OpenReadIfPresentAsync("analysis/runs/r/anomalies.js", None)); // only a prefix of keys
        Assert.Null(await Store.OpenReadIfPresentAsync("analysis/runs/r/trends.json", None));
    }

    [Fact]
    public async Task WriteAsync_ThenRead_ReturnsTheContent()
    {
        await WriteTextAsync("uploads/2025-01-15/store-0001.json", "{\"a\":1}");

        Assert.True(await Store.ExistsAsync("uploads/2025-01-15/store-0001.json", None));
        Assert.Equal("{\"a\":1}", await ReadTextAsync("uploads/2025-01-15/store-0001.json"));
    }

    [Fact]
    public async Task WriteAsync_ExistingKey_ReplacesTheContent()
    {
        await WriteTextAsync("reports/a.txt", "first, longer content");
        await WriteTextAsync("reports/a.txt", "second");

        Assert.Equal("second", await ReadTextAsync("reports/a.txt"));
    }

    [Fact]
    public async Task WriteAsync_StreamNotAtStart_WritesFromItsPosition()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("skip:keep"));
        content.Position = 5;

        await Store.WriteAsync("a/b.txt", content, "text/plain", None);

        Assert.Equal("keep", await ReadTextAsync("a/b.txt"));
    }

    [Fact]
    public async Task WriteAsync_StreamThatCannotSeek_WritesAll()
    {
        using var content = new ForwardOnlyStream(Encoding.UTF8.GetBytes("forward only"));

        await Store.WriteAsync("a/forward.txt", content, "text/plain", None);

        Assert.Equal("forward only", await ReadTextAsync("a/forward.txt"));
    }

    [Fact]
    public async Task WriteAsync_ThreeMegabytes_RoundTrips()
    {
        var bytes = new byte[3 * 1024 * 1024];
        new Random(42).NextBytes(bytes);
        using (var content = new MemoryStream(bytes))
        {
            await Store.WriteAsync("exports/big.bin", content, "application/octet-stream", None);
        }

        await using var read = await Store.OpenReadAsync("exports/big.bin", None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        var listed = Assert.Single(await ListAsync("exports/"));
        Assert.Equal(bytes.Length, listed.Size);
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingKeysInOrdinalOrder()
    {
        foreach (var key in new[] { "b/2", "a/2", "a/10", "a/1", "ab", "a/c/d", "A/1" })
        {
            await WriteTextAsync(key, key);
        }

        Assert.Equal(["a/1", "a/10", "a/2", "a/c/d"], (await ListAsync("a/")).Select(o => o.Key));
        Assert.Equal(["a/1", "a/10", "a/2", "a/c/d", "ab"], (await ListAsync("a")).Select(o => o.Key));
        Assert.Equal(["A/1", "a/1", "a/10", "a/2", "a/c/d", "ab", "b/2"], (await ListAsync("")).Select(o => o.Key));
        Assert.Empty(await ListAsync("zz/"));
        var first = (await ListAsync("a/1")).First();
        Assert.Equal(3, first.Size);
        Assert.True(first.LastModified > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task MoveAsync_ExistingDestination_MovesAndReplaces()
    {
        await WriteTextAsync("uploads/x.json", "new");
        await WriteTextAsync("rejected/x.json", "old");

        await Store.MoveAsync("uploads/x.json", "rejected/x.json", None);

        Assert.False(await Store.ExistsAsync("uploads/x.json", None));
        Assert.Equal("new", await ReadTextAsync("rejected/x.json"));
    }

    [Fact]
    public async Task MoveAsync_MissingSource_ThrowsObjectNotFound() =>
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.MoveAsync("uploads/none.json", "rejected/none.json", None));

    [Fact]
    public async Task DeleteAsync_ExistingAndMissingKeys_RemovesWithoutError()
    {
        await WriteTextAsync("tmp/a.txt", "a");

        await Store.DeleteAsync("tmp/a.txt", None);
        await Store.DeleteAsync("tmp/a.txt", None);
        await Store.DeleteAsync("never/there.txt", None);

        Assert.False(await Store.ExistsAsync("tmp/a.txt", None));
        Assert.Empty(await ListAsync("tmp/"));
    }

    protected async Task WriteTextAsync(string key, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Store.WriteAsync(key, content, "text/plain", None);
    }

    protected async Task<string> ReadTextAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, None);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    protected async Task<List<StoredObject>> ListAsync(string prefix)
    {
        var result = new List<StoredObject>();
        await foreach (var item in Store.ListAsync(prefix, None))
        {
            result.Add(item);
        }

        return result;
    }
}
