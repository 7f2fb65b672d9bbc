namespace Analytics.Domain.Uploads;

/// <summary>
/// A small hash map keyed by UTF-8 bytes, so a repeated SKU, category or payment method is found straight from the
/// token's bytes: no transcoding, no string, no second validation (the same bytes were validated when added).
/// Keys are hashed with <see cref="Utf8Hash"/> (seeded per map) and chained by <see cref="HashLinks"/>. Entries keep
/// insertion order; <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class Utf8KeyMap<TValue>
    where TValue : class
{
    private readonly ulong _seed = Utf8Hash.NewSeed();
    private HashLinks _links = new(64);
    private byte[][] _keys = new byte[64][];
    private TValue[] _values = new TValue[64];

    public int Count => _links.Count;

    /// <summary>The value at insertion position <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public TValue this[int index] => _values[index];

    /// <summary>The value stored under <paramref name="key"/>, or null; <paramref name="hash"/> is for <see cref="Add"/>.</summary>
    public TValue? Find(ReadOnlySpan<byte> key, out int hash)
    {
        hash = Utf8Hash.Compute(_seed, key);
        var found = _links.Find(hash, new KeyMatch(key, _keys));
        return found >= 0 ? _values[found] : null;
    }

    /// <summary>
    /// Adds a key that is not in the map, with the <paramref name="hash"/> that <see cref="Find"/> gave when it did not
    /// find it. The map keeps <paramref name="key"/> itself: the caller must not change it.
    /// </summary>
    public void Add(byte[] key, int hash, TValue value)
    {
        var index = _links.Add(hash);
        if (_keys.Length < _links.Capacity)
        {
            Array.Resize(ref _keys, _links.Capacity);
            Array.Resize(ref _values, _links.Capacity);
        }

        _keys[index] = key;
        _values[index] = value;
    }

    public void Clear()
    {
        Array.Clear(_keys, 0, _links.Count);
        Array.Clear(_values, 0, _links.Count);
        _links.Clear();
    }
}

/// <summary>Entry i of a <see cref="Utf8KeyMap{TValue}"/> holds the key when its bytes are the same. Not nested in the
/// generic map, so its probe is compiled once for every value type, not shared through a generic dictionary.</summary>
file readonly ref struct KeyMatch(ReadOnlySpan<byte> key, byte[][] keys) : IEntryMatch
{
    private readonly ReadOnlySpan<byte> _key = key;

    public bool Matches(int index) => Utf8Hash.SameBytes(_key, keys[index]);
}
