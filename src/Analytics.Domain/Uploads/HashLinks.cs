using System.Runtime.CompilerServices;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The chaining both hand-written hash tables use (<see cref="Utf8KeyMap{TValue}"/>, <see cref="TransactionIdSet"/>):
/// entries are numbered in insertion order and each holds its key's hash, the number of the next entry of its bucket
/// and the table's <typeparamref name="TKey"/> (where the key's bytes are), side by side so that a probe reads one
/// entry; each bucket holds one more than the number of its newest entry (0: empty). The tables say how a key is
/// matched (<see cref="IKeyMatch{TKey}"/>, a struct, so the check is compiled into <see cref="Find{TMatch}"/>), and a
/// map keeps its value in its key struct, so that a hit reads one entry. <typeparamref name="TKey"/> is a non-generic
/// struct, so each table gets code of its own rather than shared generic code. A mutable struct: a table holds it in a field and never copies it.
/// </summary>
internal struct HashLinks<TKey>(int capacity)
    where TKey : struct
{
    private int[] _buckets = new int[capacity];
    private Entry[] _entries = new Entry[capacity];

    /// <summary>Entries in the table; the next <see cref="Add"/> is entry number <see cref="Count"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The key of entry <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public readonly ref readonly TKey KeyAt(int index) => ref _entries[index].Key;

    /// <summary>The key of the entry of <paramref name="hash"/> that <paramref name="match"/> accepts, as a reference into
    /// the table (valid until the next <see cref="Add"/>); a null reference when there is none
    /// (<see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>). Inlined into each table's lookup, as the loop was when each
    /// table had its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ref readonly TKey Find<TMatch>(int hash, scoped in TMatch match)
        where TMatch : struct, IKeyMatch<TKey>, allows ref struct
    {
        var entries = _entries;
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = entries[i].Next)
        {
            ref readonly var entry = ref entries[i];
            if (entry.Hash == hash && match.Matches(entry.Key))
            {
                return ref entry.Key;
            }
        }

        return ref Unsafe.NullRef<TKey>();
    }

    /// <summary>Adds an entry (its key not in the table); doubles the table first when full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int hash, TKey key)
    {
        if (Count == _entries.Length)
        {
            Grow();
        }

        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[Count] = new Entry { Hash = hash, Next = bucket - 1, Key = key };
        bucket = ++Count;
    }

    /// <summary>Empties the table and keeps its capacity.</summary>
    public void Clear()
    {
        Array.Clear(_buckets);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
        {
            Array.Clear(_entries, 0, Count);
        }

        Count = 0;
    }

    private void Grow()
    {
        Array.Resize(ref _entries, _entries.Length * 2);
        _buckets = new int[_entries.Length];
        for (var i = 0; i < Count; i++)
        {
            ref var bucket = ref _buckets[_entries[i].Hash & (_buckets.Length - 1)];
            _entries[i].Next = bucket - 1;
            bucket = i + 1;
        }
    }

    private struct Entry
    {
        public int Hash;
        public int Next;
        public TKey Key;
    }
}

/// <summary>Whether an entry's key of a <see cref="HashLinks{TKey}"/> table is the key looked for.</summary>
internal interface IKeyMatch<TKey>
{
    bool Matches(in TKey key);
}
