using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation;

/// <summary>Workflow variables set by <c>Assign</c>. A Map iteration or Parallel branch gets a child scope: it reads
/// the outer variables, and what it assigns stays inside. Each value's size (UTF-8 JSON) is kept for the limit on the
/// variables in scope, and its JSONata form is made once, when an expression first reads it.</summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Lock _lock = new();

    /// <summary>Created by the first <see cref="Set"/>: most scopes (Map iterations, branches) never assign.</summary>
    private Dictionary<string, Variable>? _values;

    private long _ownBytes;

    private readonly VariableScope? _parent = parent;

    public bool TryGet(string name, out JsonNode? value)
    {
        var found = Find(name);
        value = found?.Value;
        return found is not null;
    }

    /// <summary>As <see cref="TryGet"/>, in the JSONata evaluator's form: converted once per value, however many
    /// expressions read it.</summary>
    public bool TryGetJsonata(string name, [NotNullWhen(true)] out JsonataDocument? value)
    {
        value = Find(name)?.Document;
        return value is not null;
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
            var values = _values ??= new Dictionary<string, Variable>(StringComparer.Ordinal);
            if (values.TryGetValue(name, out var old))
                _ownBytes -= old.Size;
            values[name] = new Variable(value, size);
            _ownBytes += size;
        }
    }

    private Variable? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            lock (scope._lock)
            {
                if (scope._values is { } values && values.TryGetValue(name, out var variable))
                    return variable;
            }
        }
        return null;
    }

    /// <summary>A value as set (shared: read it, never change it) and its size, with its JSONata form made on first use.</summary>
    private sealed class Variable(JsonNode? value, long size)
    {
        private JsonataDocument? _document;

        public JsonNode? Value { get; } = value;

        public long Size { get; } = size;

        /// <summary>Readers on several threads may each convert; all get the first conversion stored.</summary>
        public JsonataDocument Document
        {
            get
            {
                if (Volatile.Read(ref _document) is { } made)
                    return made;
                var converted = JsonataDocument.From(Value);
                return Interlocked.CompareExchange(ref _document, converted, null) ?? converted;
            }
        }
    }
}
