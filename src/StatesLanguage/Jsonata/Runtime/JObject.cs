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
}
