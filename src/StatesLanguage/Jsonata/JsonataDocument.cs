using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata;

/// <summary>
/// JSON converted once into the evaluator's own form, to be the input or a variable of many evaluations (for
/// example a state's input read by several expressions) without converting it again each time. Immutable: a
/// later change to the <see cref="JsonNode"/> it was made from is not seen. Thread-safe.
/// </summary>
public sealed class JsonataDocument
{
    private JsonataDocument(object? value)
    {
        Value = value;
    }

    /// <summary>No value (undefined).</summary>
    public static JsonataDocument Undefined { get; } = new(null);

    internal object? Value { get; }

    public static JsonataDocument From(JsonNode? node) => new(JsonConversion.FromNode(node));

    public static JsonataDocument From(JsonataValue value) => value.IsUndefined ? Undefined : From(value.Node);

    /// <summary>An object of the given members, each converted from JSON once; the nodes are read, never attached, so
    /// nodes that belong to other data need no copy.</summary>
    internal static JsonataDocument Object(IReadOnlyList<KeyValuePair<string, JsonNode?>> members)
    {
        var result = new JObject(members.Count);
        foreach (var (name, value) in members)
            result[name] = JsonConversion.FromNode(value);
        return new JsonataDocument(result);
    }
}
