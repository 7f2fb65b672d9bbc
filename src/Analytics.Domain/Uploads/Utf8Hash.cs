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

    public static int Compute(ulong seed, ReadOnlySpan<byte> key)
    {
        var hash = seed ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * Multiplier;
            hash ^= hash >> 29;
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (8 * i);
            }

            hash = (hash ^ tail) * Multiplier;
        }

        hash ^= hash >> 32;
        hash *= Multiplier;
        return (int)(hash >> 32);
    }
}
