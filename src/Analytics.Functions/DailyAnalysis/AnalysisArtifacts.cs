using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// Reads and writes the daily analysis' intermediate results in the bucket: JSON documents, and the business
/// date's store-days as gzipped JSON lines (one store-day per line, so neither side holds the file as one string).
/// </summary>
public sealed class AnalysisArtifacts(IObjectStore objects)
{
    public const string JsonContentType = "application/json";
    public const string JsonLinesGzipContentType = "application/x-ndjson+gzip";

    public IObjectStore Objects => objects;

    public async Task WriteAsync<T>(string key, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await JsonSerializer.SerializeAsync(buffer, value, typeInfo, cancellationToken);
        buffer.Position = 0;
        await objects.WriteAsync(key, buffer, JsonContentType, cancellationToken);
    }

    /// <exception cref="ObjectNotFoundException">No such result: the execution's data is gone or the key is wrong.</exception>
    /// <exception cref="JsonException">The object is not a <typeparamref name="T"/> document.</exception>
    public async Task<T> ReadAsync<T>(string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var content = await objects.OpenReadAsync(key, cancellationToken);
        return await JsonSerializer.DeserializeAsync(content, typeInfo, cancellationToken)
               ?? throw new JsonException($"{key} holds null, not a {typeof(T).Name}.");
    }

    /// <summary><see cref="ReadAsync{T}"/> of a result that may not exist (<see cref="ObjectStoreExtensions.OpenReadIfPresentAsync"/>): null when it does not.</summary>
    /// <exception cref="JsonException">The object is not a <typeparamref name="T"/> document.</exception>
    public async Task<T?> ReadIfPresentAsync<T>(string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var content = await objects.OpenReadIfPresentAsync(key, cancellationToken);
        if (content is null)
        {
            return null;
        }

        await using (content)
        {
            return await JsonSerializer.DeserializeAsync(content, typeInfo, cancellationToken)
                   ?? throw new JsonException($"{key} holds null, not a {typeof(T).Name}.");
        }
    }

    public async Task WriteStoreDaysAsync(string key, IEnumerable<StoreDaySummary> stores, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                                   FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (spool)
        {
            await using (var gzip = new GZipStream(spool, CompressionLevel.Fastest, leaveOpen: true))
            {
                foreach (var store in stores)
                {
                    await gzip.WriteAsync(SalesJson.SerializeSummary(store), cancellationToken);
                    gzip.WriteByte((byte)'\n');
                }
            }

            spool.Position = 0;
            await objects.WriteAsync(key, spool, JsonLinesGzipContentType, cancellationToken);
        }
    }

    /// <summary>The store-days of a <see cref="WriteStoreDaysAsync"/> object, each line parsed from the decompressed
    /// bytes as they come (no line is turned into a string first).</summary>
    /// <exception cref="ObjectNotFoundException">No such object.</exception>
    /// <exception cref="JsonException">A line is not a store-day.</exception>
    public async Task<IReadOnlyList<StoreDaySummary>> ReadStoreDaysAsync(string key, CancellationToken cancellationToken)
    {
        await using var content = await objects.OpenReadAsync(key, cancellationToken);
        await using var gzip = new GZipStream(content, CompressionMode.Decompress);
        List<StoreDaySummary> stores = [];
        var buffer = new byte[1 << 16];
        var (start, end) = (0, 0);
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (start, end) = (0, end - start);
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            var read = await gzip.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                AddLine(stores, buffer.AsSpan(start, end - start));
                return stores;
            }

            var scanned = end;
            end += read;
            int newline;
            while ((newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n')) >= 0)
            {
                AddLine(stores, buffer.AsSpan(start, scanned + newline - start));
                start = scanned = scanned + newline + 1;
            }
        }
    }

    private static void AddLine(List<StoreDaySummary> stores, ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd((byte)'\r');
        if (!line.IsEmpty)
        {
            stores.Add(SalesJson.DeserializeSummary(line));
        }
    }
}
