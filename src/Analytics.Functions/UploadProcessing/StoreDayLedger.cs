using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Analytics.Domain.Storage;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Every store-day object of every accepted file, exactly as it was sent, kept in the bucket under
/// <c>ledger/&lt;business date&gt;/&lt;store&gt;/</c>: what a store-day is recomputed from when a file of it arrives
/// (docs/architecture.md, "Counted once"). An entry's name is <c>&lt;when&gt;-&lt;hash&gt;.json.gz</c>: when the store
/// exported it (its <c>exported_at</c>, else when the file arrived), in UTC to the tick, then the first 16 hex digits of
/// the SHA-256 of its bytes. Names therefore sort oldest first, the same store-day sent twice has one entry, and
/// entries are only ever added, so a later listing of a store-day holds every entry an earlier one did.
/// </summary>
public sealed class StoreDayLedger(IObjectStore objects)
{
    public const string Prefix = "ledger/";

    /// <summary>The folder of one store-day's entries.</summary>
    public static string StoreDayPrefix(DateOnly businessDate, string storeId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{businessDate:yyyy-MM-dd}/{storeId}/");

    /// <summary>The entry of <paramref name="storeDay"/> (a store-day object's bytes), exported at <paramref name="exportedAt"/>.</summary>
    public static string EntryKey(DateOnly businessDate, string storeId, DateTimeOffset exportedAt, ReadOnlySpan<byte> storeDay) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{StoreDayPrefix(businessDate, storeId)}{exportedAt.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{Convert.ToHexStringLower(SHA256.HashData(storeDay))[..16]}.json.gz");

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> storeDay, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(storeDay, cancellationToken);
        }

        body.Position = 0;
        await objects.WriteAsync(key, body, "application/gzip", cancellationToken);
    }

    /// <summary>The entries of one store-day, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(DateOnly businessDate, string storeId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entry in objects.ListAsync(StoreDayPrefix(businessDate, storeId), cancellationToken))
        {
            keys.Add(entry.Key);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>The store-day object an entry holds.</summary>
    public async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var body = await objects.OpenReadAsync(key, cancellationToken);
        await using var gzip = new GZipStream(body, CompressionMode.Decompress);
        using var storeDay = new MemoryStream();
        await gzip.CopyToAsync(storeDay, cancellationToken);
        return storeDay.ToArray();
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => objects.DeleteAsync(key, cancellationToken);
}
