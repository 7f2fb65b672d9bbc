namespace Analytics.Domain.Uploads;

/// <summary>
/// The chaining both hand-written hash tables use (<see cref="Utf8KeyMap{TValue}"/>, <see cref="TransactionIdSet"/>):
/// entries are numbered in insertion order, each link holds its key's hash and the number of the next entry of its
/// bucket, and each bucket one more than the number of its newest entry (0: empty). The tables keep their keys and
/// values in their own arrays under the same numbers, and say how an entry's key is matched (<see cref="IEntryMatch"/>,
/// a struct, so the check is compiled into <see cref="Find{TMatch}"/> for each table). A mutable struct: a table holds
/// it in a field and never copies it.
/// </summary>
internal struct HashLinks(int capacity)
{
    private int[] _buckets = new int[capacity];
    private Link[] _links = new Link[capacity];

    /// <summary>Entries in the table; the next <see cref="Add"/> is entry number <see cref="Count"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Entries the table holds before <see cref="Add"/> doubles it; the tables size their own arrays to it.</summary>
    public readonly int Capacity => _links.Length;

    /// <summary>The number of the entry of <paramref name="hash"/> that <paramref name="match"/> accepts; -1 when none.</summary>
    public readonly int Find<TMatch>(int hash, scoped in TMatch match)
        where TMatch : struct, IEntryMatch, allows ref struct
    {
        var links = _links;
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = links[i].Next)
        {
            if (links[i].Hash == hash && match.Matches(i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Links a new entry (its key not in the table) and returns its number; doubles <see cref="Capacity"/>
    /// first when full.</summary>
    public int Add(int hash)
    {
        if (Count == _links.Length)
        {
            Grow();
        }

        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _links[Count] = new Link { Hash = hash, Next = bucket - 1 };
        bucket = ++Count;
        return Count - 1;
    }

    /// <summary>Empties the table and keeps its capacity.</summary>
    public void Clear()
    {
        Array.Clear(_buckets);
        Count = 0;
    }

    private void Grow()
    {
        Array.Resize(ref _links, _links.Length * 2);
        _buckets = new int[_links.Length];
        for (var i = 0; i < Count; i++)
        {
            ref var bucket = ref _buckets[_links[i].Hash & (_buckets.Length - 1)];
            _links[i].Next = bucket - 1;
            bucket = i + 1;
        }
    }

    private struct Link
    {
        public int Hash;
        public int Next;
    }
}

/// <summary>Whether entry number <c>index</c> of a <see cref="HashLinks"/> table holds the key looked for.</summary>
internal interface IEntryMatch
{
    bool Matches(int index);
}
