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
        var i = 0;
        foreach (var id in transactionIds)
        {
            sorted[i++] = id;
        }

        Array.Sort(sorted, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> bytes = stackalloc byte[1024];
        ReadOnlySpan<byte> separator = [0];
        foreach (var id in sorted)
        {
            var max = Encoding.UTF8.GetMaxByteCount(id.Length);
            var target = max <= bytes.Length ? bytes : new byte[max];
            var written = Encoding.UTF8.GetBytes(id, target);
            hash.AppendData(target[..written]);
            hash.AppendData(separator);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
