using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The transaction ids of the store-day being read, kept as UTF-8 bytes (no string per id) in one arena, each followed
/// by a 0 byte: the very layout <see cref="ContributionId"/> hashes, so ids that arrive in order are hashed in place.
/// Duplicates are found by a seeded hash (chained by <see cref="HashLinks{TKey}"/>) and confirmed byte by byte.
/// <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class TransactionIdSet
{
    private readonly ulong _seed = Utf8Hash.NewSeed();
    private HashLinks<IdRange> _links = new(1024);
    private byte[] _arena = new byte[32 * 1024];
    private int _arenaLength;
    private bool _inOrder = true;

    public int Count => _links.Count;

    /// <summary>Whether the set has the id (its unescaped, valid UTF-8 bytes).</summary>
    public bool Contains(ReadOnlySpan<byte> id) => Contains(id, Utf8Hash.Compute(_seed, id));

    private bool Contains(ReadOnlySpan<byte> id, int hash) => !Unsafe.IsNullRef(in _links.Find(hash, new IdMatch(id, _arena)));

    /// <summary>Adds the id (its unescaped, valid UTF-8 bytes); false when the set already has it.</summary>
    public bool Add(ReadOnlySpan<byte> id)
    {
        var hash = Utf8Hash.Compute(_seed, id);
        if (Contains(id, hash))
        {
            return false;
        }

        if (_arenaLength + id.Length + 1 > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + id.Length + 1));
        }

        if (_inOrder && Count > 0 && Utf8OrdinalComparer.Compare(Key(_links.KeyAt(Count - 1)), id) > 0)
        {
            _inOrder = false;
        }

        id.CopyTo(_arena.AsSpan(_arenaLength));
        _arena[_arenaLength + id.Length] = 0;
        _links.Add(hash, new IdRange(_arenaLength, id.Length));
        _arenaLength += id.Length + 1;
        return true;
    }

    public void Clear()
    {
        _links.Clear();
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
        if (returns.Count == 0)
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

        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var ids = new IdRange[Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _links.KeyAt(i);
        }

        var arena = _arena;
        Array.Sort(order, (a, b) => Utf8OrdinalComparer.Compare(
            arena.AsSpan(ids[a].Start, ids[a].Length), arena.AsSpan(ids[b].Start, ids[b].Length)));
        var sorted = new byte[_arenaLength];
        var length = 0;
        foreach (var index in order)
        {
            var entry = ids[index];
            arena.AsSpan(entry.Start, entry.Length + 1).CopyTo(sorted.AsSpan(length));
            length += entry.Length + 1;
        }

        return sorted;
    }

    private ReadOnlySpan<byte> Key(in IdRange id) => _arena.AsSpan(id.Start, id.Length);

    /// <summary>Where an id's bytes are in the arena (its 0 byte follows them).</summary>
    private readonly record struct IdRange(int Start, int Length);

    /// <summary>An entry holds the id looked for when its bytes in the arena are the same.</summary>
    private readonly ref struct IdMatch(ReadOnlySpan<byte> id, byte[] arena) : IKeyMatch<IdRange>
    {
        private readonly ReadOnlySpan<byte> _id = id;

        public bool Matches(in IdRange key) => Utf8Hash.SameBytes(_id, arena.AsSpan(key.Start, key.Length));
    }
}
