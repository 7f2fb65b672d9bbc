namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A JSON object inside the evaluator; keys keep their insertion order, as in JavaScript.</summary>
internal sealed class JObject : OrderedDictionary<string, object?>
{
    public JObject()
        : base(StringComparer.Ordinal)
    {
    }

    public JObject(int capacity)
        : base(capacity, StringComparer.Ordinal)
    {
    }

    /// <summary>How deep the object nests (0 when it holds only scalars) when it is known to be in its JSON form all
    /// the way down (converted from JSON, or checked by <see cref="JsonConversion.ToJsonForm(object?)"/>), which is
    /// then not walked again; -1 otherwise.</summary>
    public int JsonHeight { get; set; } = -1;

    /// <summary>The bound of <see cref="JsonConversion.JsonSizeBound"/>, kept once computed for an object in its JSON
    /// form (which never changes); -1 before.</summary>
    public long SizeBound { get; set; } = -1;
}
