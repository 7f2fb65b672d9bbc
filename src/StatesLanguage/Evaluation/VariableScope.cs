using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation;

/// <summary>JSONPath variables set by <c>Assign</c>. A Map iteration or Parallel branch gets a child scope: it reads
/// the outer variables, and what it assigns stays inside.</summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Lock _lock = new();

    /// <summary>Created by the first <see cref="Set"/>: most scopes (Map iterations, branches) never assign.</summary>
    private Dictionary<string, Variable>? _values;

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

    /// <summary>Sets a variable; the value is materialised because inner scopes may read it concurrently.</summary>
    public void Set(string name, JsonNode? value)
    {
        JsonData.Materialize(value);
        lock (_lock)
            (_values ??= new Dictionary<string, Variable>(StringComparer.Ordinal))[name] = new Variable(value);
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

    /// <summary>A value as set (shared: read it, never change it), with its JSONata form made on first use.</summary>
    private sealed class Variable(JsonNode? value)
    {
        private JsonataDocument? _document;

        public JsonNode? Value { get; } = value;

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
