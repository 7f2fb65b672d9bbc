namespace StatesLanguage.Evaluation;

/// <summary>JSONPath variables set by <c>Assign</c>. A Map iteration or Parallel branch gets a child scope: it reads
/// the outer variables, and what it assigns stays inside.</summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Lock _lock = new();

    /// <summary>Created by the first <see cref="Set"/>: most scopes (Map iterations, branches) never assign.</summary>
    private Dictionary<string, JsonNode?>? _values;

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            lock (scope._lock)
            {
                if (scope._values is { } values && values.TryGetValue(name, out value))
                    return true;
            }
        }
        value = null;
        return false;
    }

    private readonly VariableScope? _parent = parent;

    /// <summary>Sets a variable; the value is materialised because inner scopes may read it concurrently.</summary>
    public void Set(string name, JsonNode? value)
    {
        JsonData.Materialize(value);
        lock (_lock)
            (_values ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal))[name] = value;
    }
}
