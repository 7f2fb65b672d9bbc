using System.Runtime.CompilerServices;

namespace Analytics.Domain.Uploads;

/// <summary>
/// A small hash map keyed by UTF-8 bytes, so a repeated SKU, category or payment method is found straight from the
/// token's bytes: no transcoding, no string, no second validation (the same bytes were validated when added).
/// Keys are hashed with <see cref="Utf8Hash"/> (seeded per map) and chained by <see cref="HashLinks{TKey}"/>. Entries
/// keep insertion order; <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class Utf8KeyMap<TValue>
    where TValue : class
{
    private readonly ulong _seed = Utf8Hash.NewSeed();
    private HashLinks<Utf8Key> _links = new(64);

    public int Count => _links.Count;

    /// <summary>The value at insertion position <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public TValue this[int index] => Unsafe.As<TValue>(_links.KeyAt(index).Value);

    /// <summary>The value stored under <paramref name="key"/>, or null; <paramref name="hash"/> is for <see cref="Add"/>.</summary>
    public TValue? Find(ReadOnlySpan<byte> key, out int hash)
    {
        hash = Utf8Hash.Compute(_seed, key);
        ref readonly var found = ref _links.Find(hash, new Utf8KeyMatch(key));
        // Only Add stores values, and only TValues: the cast needs no check.
        return Unsafe.IsNullRef(in found) ? null : Unsafe.As<TValue>(found.Value);
    }

    /// <summary>
    /// Adds a key that is not in the map, with the <paramref name="hash"/> that <see cref="Find"/> gave when it did not
    /// find it. The map keeps <paramref name="key"/> itself: the caller must not change it.
    /// </summary>
    public void Add(byte[] key, int hash, TValue value) => _links.Add(hash, new Utf8Key(key, value));

    public void Clear() => _links.Clear();
}

/// <summary>An entry of a <see cref="Utf8KeyMap{TValue}"/>: the key's bytes and the value, side by side; a non-generic
/// struct, so the map's chaining is compiled once for it rather than shared through generic lookups.</summary>
internal readonly record struct Utf8Key(byte[] Bytes, object Value);

/// <summary>An entry holds the key looked for when its bytes are the same.</summary>
internal readonly ref struct Utf8KeyMatch(ReadOnlySpan<byte> key) : IKeyMatch<Utf8Key>
{
    private readonly ReadOnlySpan<byte> _key = key;

    public bool Matches(in Utf8Key key) => Utf8Hash.SameBytes(_key, key.Bytes);
}
