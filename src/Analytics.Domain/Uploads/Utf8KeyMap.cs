namespace Analytics.Domain.Uploads;

/// <summary>
/// A small hash map keyed by UTF-8 bytes, so a repeated SKU, category or payment method is found straight from the
/// token's bytes: no transcoding, no string, no second validation (the same bytes were validated when added).
/// Hashes come from <see cref="HashCode"/>, which is seeded per process, so crafted keys cannot force collisions.
/// Entries keep insertion order; <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class Utf8KeyMap<TValue>
    where TValue : class
{
    private int[] _buckets = new int[64];
    private Entry[] _entries = new Entry[64];
    private int _count;

    public int Count => _count;

    /// <summary>The value at insertion position <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public TValue this[int index] => _entries[index].Value;

    public TValue? Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
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

    /// <summary>Adds a key that is not in the map (the caller has just failed to <see cref="Find"/> it).</summary>
    public void Add(ReadOnlySpan<byte> key, TValue value)
    {
        if (_count == _entries.Length)
        {
            Resize();
        }

        var hash = Hash(key);
        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[_count] = new Entry { Key = key.ToArray(), Hash = hash, Next = bucket - 1, Value = value };
        bucket = ++_count;
    }

    public void Clear()
    {
        Array.Clear(_buckets);
        Array.Clear(_entries, 0, _count);
        _count = 0;
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
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
