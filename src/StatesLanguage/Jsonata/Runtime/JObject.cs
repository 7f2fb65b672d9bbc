using System.Collections;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A JSON object inside the evaluator; keys keep their insertion order, as in JavaScript.</summary>
/// <remarks>Most objects an expression meets are small (a state's <c>$states</c>, a task's result, an object
/// constructor's few pairs), so the members are kept in one array searched in order, which costs less to make and to
/// search than a hashed dictionary; an object with more than <see cref="SmallCount"/> members also keeps a hash index
/// of its keys.</remarks>
internal sealed class JObject : IReadOnlyDictionary<string, object?>
{
    private const int SmallCount = 16;

    private KeyValuePair<string, object?>[] _members;
    private int _count;
    private Dictionary<string, int>? _index;

    public JObject()
    {
        _members = [];
    }

    public JObject(int capacity)
    {
        _members = capacity == 0 ? [] : new KeyValuePair<string, object?>[capacity];
    }

    /// <summary>How deep the object nests (0 when it holds only scalars) when it is known to be in its JSON form all
    /// the way down (converted from JSON, or checked by <see cref="JsonConversion.ToJsonForm(object?)"/>), which is
    /// then not walked again; -1 otherwise.</summary>
    public int JsonHeight { get; set; } = -1;

    /// <summary>The bound of <see cref="JsonConversion.JsonSizeBound"/>, kept once computed for an object in its JSON
    /// form (which never changes); -1 before.</summary>
    public long SizeBound { get; set; } = -1;

    public int Count => _count;

    /// <summary>The member at <paramref name="index"/>, in insertion order.</summary>
    public KeyValuePair<string, object?> GetAt(int index) =>
        (uint)index < (uint)_count ? _members[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the object.");
        set
        {
            var at = IndexOf(key);
            if (at >= 0)
                _members[at] = new(key, value);
            else
                Append(key, value);
        }
    }

    /// <exception cref="ArgumentException">The key is already in the object.</exception>
    public void Add(string key, object? value)
    {
        if (IndexOf(key) >= 0)
            throw new ArgumentException($"The key '{key}' is already in the object.", nameof(key));
        Append(key, value);
    }

    public bool TryGetValue(string key, out object? value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _members[at].Value : null;
        return at >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool Remove(string key)
    {
        var at = IndexOf(key);
        if (at < 0)
            return false;
        _count--;
        Array.Copy(_members, at + 1, _members, at, _count - at);
        _members[_count] = default;
        _index = null;
        if (_count > SmallCount)
            BuildIndex();
        return true;
    }

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
                yield return _members[i].Key;
        }
    }

    public IEnumerable<object?> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
                yield return _members[i].Value;
        }
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        if (_index is not null)
            return _index.TryGetValue(key, out var indexed) ? indexed : -1;
        var members = _members;
        for (var i = 0; i < _count; i++)
        {
            var candidate = members[i].Key;
            if (ReferenceEquals(candidate, key) || (candidate.Length == key.Length && string.Equals(candidate, key, StringComparison.Ordinal)))
                return i;
        }
        return -1;
    }

    private void Append(string key, object? value)
    {
        if (_count == _members.Length)
            Array.Resize(ref _members, _count == 0 ? 4 : 2 * _count);
        _members[_count] = new(key, value);
        if (_index is not null)
            _index[key] = _count;
        _count++;
        if (_index is null && _count > SmallCount)
            BuildIndex();
    }

    private void BuildIndex()
    {
        var index = new Dictionary<string, int>(_count, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++)
            index[_members[i].Key] = i;
        _index = index;
    }

    /// <summary>The members in insertion order; the object must not change while it runs.</summary>
    public struct Enumerator(JObject owner) : IEnumerator<KeyValuePair<string, object?>>
    {
        private int _next;

        public KeyValuePair<string, object?> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_next >= owner._count)
                return false;
            Current = owner._members[_next++];
            return true;
        }

        public void Reset() => _next = 0;

        public readonly void Dispose()
        {
        }
    }
}
