using System.Buffers.Binary;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The seeded 32-bit hash of UTF-8 keys shared by <see cref="Utf8KeyMap{TValue}"/> and <see cref="TransactionIdSet"/>:
/// it mixes 8-byte words, and each map draws its seed from <see cref="HashCode"/> (random per process), so crafted
/// keys cannot be made to collide in advance.
/// </summary>
internal static class Utf8Hash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>A fresh seed, random per process.</summary>
    public static ulong NewSeed() => (ulong)HashCode.Combine(0x5EED) * Multiplier;

    /// <summary>Mixes whole 8-byte words; the last word, or a short key's bytes, are read overlapping (the length is mixed in first).</summary>
    public static int Compute(ulong seed, ReadOnlySpan<byte> key)
    {
        var hash = seed ^ (ulong)key.Length;
        if (key.Length >= 8)
        {
            var last = key.Length - 8;
            for (var i = 0; i < last; i += 8)
            {
                hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(key[i..]));
            }

            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(key[last..]));
        }
        else if (key.Length >= 4)
        {
            hash = Mix(hash, BinaryPrimitives.ReadUInt32LittleEndian(key) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(key[^4..]) << 32));
        }
        else if (key.Length > 0)
        {
            hash = Mix(hash, key[0] | ((ulong)key[key.Length / 2] << 8) | ((ulong)key[^1] << 16));
        }

        hash ^= hash >> 32;
        hash *= Multiplier;
        return (int)(hash >> 32);
    }

    private static ulong Mix(ulong hash, ulong word)
    {
        hash = (hash ^ word) * Multiplier;
        return hash ^ (hash >> 29);
    }
}
