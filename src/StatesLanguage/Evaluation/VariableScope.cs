namespace StatesLanguage.Evaluation;

/// <summary>JSONPath variables set by <c>Assign</c>. A Map iteration or Parallel branch gets a child scope: it reads
/// the outer variables, and what it assigns stays inside.</summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            lock (scope._values)
            {
                if (scope._values.TryGetValue(name, out value))
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
        lock (_values)
            _values[name] = value;
    }
}
