namespace Analytics.Domain.Uploads;

/// <summary>
/// A small hash map keyed by UTF-8 bytes, so a repeated SKU, category or payment method is found straight from the
/// token's bytes: no transcoding, no string, no second validation (the same bytes were validated when added).
/// Keys are hashed with <see cref="Utf8Hash"/> (seeded per map). Entries keep insertion order; <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class Utf8KeyMap<TValue>
    where TValue : class
{
    private int[] _buckets = new int[64];
    private Entry[] _entries = new Entry[64];
    private readonly ulong _seed = Utf8Hash.NewSeed();
    private int _count;

    public int Count => _count;

    /// <summary>The value at insertion position <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public TValue this[int index] => _entries[index].Value;

    /// <summary>The value stored under <paramref name="key"/>, or null; <paramref name="hash"/> is for <see cref="Add"/>.</summary>
    public TValue? Find(ReadOnlySpan<byte> key, out int hash)
    {
        hash = Utf8Hash.Compute(_seed, key);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            ref readonly var entry = ref _entries[i];
            if (entry.Hash == hash && Utf8Hash.SameBytes(key, entry.Key))
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
