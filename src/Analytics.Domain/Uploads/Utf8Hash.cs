using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// <remarks>Reads through references rather than slices: this runs twice per item line, and slicing checks bounds the loop already keeps.</remarks>
    public static int Compute(ulong seed, ReadOnlySpan<byte> key)
    {
        ref var first = ref MemoryMarshal.GetReference(key);
        var length = key.Length;
        var hash = seed ^ (ulong)length;
        if (length >= 8)
        {
            var last = length - 8;
            for (var i = 0; i < last; i += 8)
            {
                hash = Mix(hash, Word(ref first, i));
            }

            hash = Mix(hash, Word(ref first, last));
        }
        else if (length >= 4)
        {
            hash = Mix(hash, HalfWord(ref first, 0) | ((ulong)HalfWord(ref first, length - 4) << 32));
        }
        else if (length > 0)
        {
            hash = Mix(hash, first | ((ulong)Unsafe.Add(ref first, length / 2) << 8) | ((ulong)Unsafe.Add(ref first, length - 1) << 16));
        }

        hash ^= hash >> 32;
        hash *= Multiplier;
        return (int)(hash >> 32);
    }

    /// <summary>
    /// Whether two keys have the same bytes. Keys of up to 16 bytes (SKUs, categories, payment methods) are compared
    /// as two overlapping words each; that part is kept free of calls, so it compiles to a few instructions.
    /// </summary>
    public static bool SameBytes(ReadOnlySpan<byte> key, ReadOnlySpan<byte> other) =>
        key.Length <= 16 ? SameShortBytes(key, other) : key.SequenceEqual(other);

    private static bool SameShortBytes(ReadOnlySpan<byte> key, ReadOnlySpan<byte> other)
    {
        var length = key.Length;
        if (length != other.Length)
        {
            return false;
        }

        ref var a = ref MemoryMarshal.GetReference(key);
        ref var b = ref MemoryMarshal.GetReference(other);
        return length switch
        {
            >= 8 => Word(ref a, 0) == Word(ref b, 0) && Word(ref a, length - 8) == Word(ref b, length - 8),
            >= 4 => HalfWord(ref a, 0) == HalfWord(ref b, 0) && HalfWord(ref a, length - 4) == HalfWord(ref b, length - 4),
            _ => length == 0 || (a == b && Unsafe.Add(ref a, length / 2) == Unsafe.Add(ref b, length / 2) && Unsafe.Add(ref a, length - 1) == Unsafe.Add(ref b, length - 1)),
        };
    }

    /// <summary>The 8 bytes at <paramref name="offset"/> (which the caller keeps within the key) as one word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(ref byte key, int offset) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref key, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HalfWord(ref byte key, int offset) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref key, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong hash, ulong word)
    {
        hash = (hash ^ word) * Multiplier;
        return hash ^ (hash >> 29);
    }
}
