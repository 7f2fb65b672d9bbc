using System.Buffers.Binary;

namespace Analytics.Domain.Uploads;

/// <summary>
/// A small hash map keyed by UTF-8 bytes, so a repeated SKU, category or payment method is found straight from the
/// token's bytes: no transcoding, no string, no second validation (the same bytes were validated when added).
/// The hash mixes 8-byte words with a seed drawn per map from <see cref="HashCode"/> (random per process), so
/// crafted keys cannot be made to collide in advance. Entries keep insertion order; <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class Utf8KeyMap<TValue>
    where TValue : class
{
    private int[] _buckets = new int[64];
    private Entry[] _entries = new Entry[64];
    private readonly ulong _seed = (ulong)HashCode.Combine(0x5EED) * 0x9E3779B97F4A7C15UL;
    private int _count;

    public int Count => _count;

    /// <summary>The value at insertion position <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public TValue this[int index] => _entries[index].Value;

    /// <summary>The value stored under <paramref name="key"/>, or null; <paramref name="hash"/> is for <see cref="Add"/>.</summary>
    public TValue? Find(ReadOnlySpan<byte> key, out int hash)
    {
        hash = Hash(key);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            ref readonly var entry = ref _entries[i];
            if (entry.Hash == hash && key.SequenceEqual(entry.Key))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds a key that is not in the map, with the <paramref name="hash"/> that <see cref="Find"/> gave when it did not
    /// find it. The map keeps <paramref name="key"/> itself: the caller must not change it.
    /// </summary>
    public void Add(byte[] key, int hash, TValue value)
    {
        if (_count == _entries.Length)
        {
            Resize();
        }

        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[_count] = new Entry { Key = key, Hash = hash, Next = bucket - 1, Value = value };
        bucket = ++_count;
    }

    public void Clear()
    {
        Array.Clear(_buckets);
        Array.Clear(_entries, 0, _count);
        _count = 0;
    }

    private int Hash(ReadOnlySpan<byte> key)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15UL;
        var hash = _seed ^ (ulong)key.Length;
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

    private void Resize()
    {
        Array.Resize(ref _entries, _entries.Length * 2);
        _buckets = new int[_entries.Length];
        for (var i = 0; i < _count; i++)
        {
            ref var bucket = ref _buckets[_entries[i].Hash & (_buckets.Length - 1)];
            _entries[i].Next = bucket - 1;
            bucket = i + 1;
        }
    }

    private struct Entry
    {
        public byte[] Key;
        public int Hash;
        public int Next;
        public TValue Value;
    }
}
