namespace StatesLanguage.Evaluation;

/// <summary>Workflow variables set by <c>Assign</c>. A Map iteration or Parallel branch gets a child scope: it reads
/// the outer variables, and what it assigns stays inside. Each value's size (UTF-8 JSON) is kept for the limit on the
/// variables in scope.</summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Lock _lock = new();

    /// <summary>Created by the first <see cref="Set"/>: most scopes (Map iterations, branches) never assign.</summary>
    private Dictionary<string, (JsonNode? Value, long Size)>? _values;

    private long _ownBytes;

    private readonly VariableScope? _parent = parent;

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            lock (scope._lock)
            {
                if (scope._values is { } values && values.TryGetValue(name, out var entry))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }
        value = null;
        return false;
    }

    /// <summary>The size of the variables this scope sees (its own and its enclosing scopes') once
    /// <paramref name="names"/> are set to values of <paramref name="sizes"/> bytes here.</summary>
    public long BytesInScopeAfter(IReadOnlyList<KeyValuePair<string, JsonNode?>> names, IReadOnlyList<long> sizes)
    {
        long total;
        lock (_lock)
        {
            total = _ownBytes;
            for (var i = 0; i < names.Count; i++)
            {
                if (_values is { } values && values.TryGetValue(names[i].Key, out var old))
                    total -= old.Size;
                total += sizes[i];
            }
        }
        for (var scope = _parent; scope is not null; scope = scope._parent)
        {
            lock (scope._lock)
                total += scope._ownBytes;
        }
        return total;
    }

    /// <summary>Sets a variable of <paramref name="size"/> bytes; the value is materialised because inner scopes may
    /// read it concurrently.</summary>
    public void Set(string name, JsonNode? value, long size)
    {
        JsonData.Materialize(value);
        lock (_lock)
        {
            var values = _values ??= new Dictionary<string, (JsonNode?, long)>(StringComparer.Ordinal);
            if (values.TryGetValue(name, out var old))
                _ownBytes -= old.Size;
            values[name] = (value, size);
            _ownBytes += size;
        }
    }
}
