using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Domain.Uploads;

/// <summary>Derives a store-day contribution id from the transaction ids it carries.</summary>
internal static class ContributionIds
{
    /// <summary>
    /// The first 32 lower-case hex characters of SHA-256 over the ids sorted ordinally, each id's UTF-8 bytes
    /// followed by a 0 byte. The same set of ids gives the same id whatever their order in the file.
    /// </summary>
    public static string Compute(IReadOnlyCollection<string> transactionIds)
    {
        var sorted = new string[transactionIds.Count];
        var size = 0;
        var i = 0;
        foreach (var id in transactionIds)
        {
            sorted[i++] = id;
            size += Encoding.UTF8.GetMaxByteCount(id.Length) + 1;
        }

        Array.Sort(sorted, StringComparer.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = 0;
            foreach (var id in sorted)
            {
                length += Encoding.UTF8.GetBytes(id, buffer.AsSpan(length));
                buffer[length++] = 0;
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
