using System.Runtime.CompilerServices;
using Analytics.Domain.Storage;

namespace Analytics.Domain.Tests.Exports;

/// <summary>
/// An <see cref="IObjectStore"/> in a dictionary, for checking what was written. It logs every write and delete in
/// order, and can be told to fail the nth write from now (to stop an export half-way).
/// </summary>
internal sealed class InMemoryObjectStore(string bucketName = "analytics-test") : IObjectStore
{
    private readonly SortedDictionary<string, (byte[] Content, string ContentType)> _objects = new(StringComparer.Ordinal);
    private int? _writesBeforeFailure;

    public string BucketName { get; } = bucketName;

    public List<string> Log { get; } = [];

    public IReadOnlyDictionary<string, byte[]> Snapshot() => _objects.ToDictionary(o => o.Key, o => o.Value.Content, StringComparer.Ordinal);

    public IReadOnlyList<string> Keys(string prefix = "") => [.. _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];

    public byte[] Content(string key) => _objects[key].Content;

    public string ContentType(string key) => _objects[key].ContentType;

    /// <summary>Lets <paramref name="writes"/> more writes succeed, then fails the next one with an IOException.</summary>
    public void FailAfter(int writes) => _writesBeforeFailure = writes;

    public void Put(string key, byte[] content) => _objects[key] = (content, "application/octet-stream");

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        _objects.TryGetValue(key, out var found)
            ? Task.FromResult<Stream>(new MemoryStream(found.Content, writable: false))
            : throw new ObjectNotFoundException(key);

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        if (_writesBeforeFailure is { } left)
        {
            _writesBeforeFailure = left == 0 ? null : left - 1;
            if (left == 0)
            {
                throw new IOException($"injected failure writing {key}");
            }
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        _objects[key] = (copy.ToArray(), contentType);
        Log.Add("put " + key);
    }

    public Task MoveAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_objects.ContainsKey(key));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _objects.Remove(key);
        Log.Add("delete " + key);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var key in Keys(prefix))
        {
            await Task.Yield();
            yield return new StoredObject(key, _objects[key].Content.Length, DateTimeOffset.UnixEpoch);
        }
    }
}
