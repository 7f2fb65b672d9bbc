using System.Security.Cryptography;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The transaction ids of the store-day being read, kept as UTF-8 bytes (no string per id) in one arena, each followed
/// by a 0 byte: the very layout <see cref="ContributionId"/> hashes, so ids that arrive in order are hashed in place.
/// Duplicates are found by a seeded hash and confirmed byte by byte. <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class TransactionIdSet
{
    private readonly ulong _seed = Utf8Hash.NewSeed();
    private int[] _buckets = new int[1024];
    private Entry[] _entries = new Entry[1024];
    private byte[] _arena = new byte[32 * 1024];
    private int _arenaLength;
    private int _count;
    private bool _inOrder = true;

    public int Count => _count;

    /// <summary>Whether the set has the id (its unescaped, valid UTF-8 bytes).</summary>
    public bool Contains(ReadOnlySpan<byte> id) => Contains(id, Utf8Hash.Compute(_seed, id));

    private bool Contains(ReadOnlySpan<byte> id, int hash)
    {
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            ref readonly var entry = ref _entries[i];
            if (entry.Hash == hash && Utf8Hash.SameBytes(id, Key(entry)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the id (its unescaped, valid UTF-8 bytes); false when the set already has it.</summary>
    public bool Add(ReadOnlySpan<byte> id)
    {
        var hash = Utf8Hash.Compute(_seed, id);
        if (Contains(id, hash))
        {
            return false;
        }

        if (_count == _entries.Length)
        {
            Resize();
        }

        if (_arenaLength + id.Length + 1 > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + id.Length + 1));
        }

        if (_inOrder && _count > 0 && Utf8OrdinalComparer.Compare(Key(_entries[_count - 1]), id) > 0)
        {
            _inOrder = false;
        }

        id.CopyTo(_arena.AsSpan(_arenaLength));
        _arena[_arenaLength + id.Length] = 0;
        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[_count] = new Entry { Start = _arenaLength, Length = id.Length, Hash = hash, Next = bucket - 1 };
        bucket = ++_count;
        _arenaLength += id.Length + 1;
        return true;
    }

    public void Clear()
    {
        Array.Clear(_buckets);
        _count = 0;
        _arenaLength = 0;
        _inOrder = true;
    }

    /// <summary>
    /// The first 32 lower-case hex characters of SHA-256 over the ids sorted ordinally (as .NET strings compare),
    /// each id's UTF-8 bytes followed by a 0 byte; when <paramref name="returns"/> has ids, then a 1 byte and the
    /// return ids the same way (no id holds a control character, so the lists cannot run into each other, and a
    /// store-day without returns keeps the id it had before returns existed). The same sets of ids give the same id
    /// whatever their order in the file.
    /// </summary>
    public string ContributionId(TransactionIdSet returns)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (returns._count == 0)
        {
            SHA256.HashData(SortedBytes(), digest);
        }
        else
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(SortedBytes());
            hash.AppendData([1]);
            hash.AppendData(returns.SortedBytes());
            hash.GetHashAndReset(digest);
        }

        return Convert.ToHexStringLower(digest[..16]);
    }

    /// <summary>The ids sorted ordinally, each followed by a 0 byte (the arena itself when they came in order).</summary>
    private ReadOnlySpan<byte> SortedBytes()
    {
        if (_inOrder)
        {
            return _arena.AsSpan(0, _arenaLength);
        }

        var order = new int[_count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var entries = _entries;
        var arena = _arena;
        Array.Sort(order, (a, b) => Utf8OrdinalComparer.Compare(
            arena.AsSpan(entries[a].Start, entries[a].Length), arena.AsSpan(entries[b].Start, entries[b].Length)));
        var sorted = new byte[_arenaLength];
        var length = 0;
        foreach (var index in order)
        {
            var entry = entries[index];
            arena.AsSpan(entry.Start, entry.Length + 1).CopyTo(sorted.AsSpan(length));
            length += entry.Length + 1;
        }

        return sorted;
    }

    private ReadOnlySpan<byte> Key(in Entry entry) => _arena.AsSpan(entry.Start, entry.Length);

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
        public int Start;
        public int Length;
        public int Hash;
        public int Next;
    }
}
