namespace StatesLanguage.Jsonata;

/// <summary>
/// A JSONata value at the API boundary: either undefined (no value, <see cref="IsUndefined"/>) or JSON, where
/// <see cref="Node"/> null is JSON null.
/// </summary>
public readonly record struct JsonataValue
{
    private JsonataValue(JsonNode? node, bool defined)
    {
        Node = node;
        IsDefined = defined;
    }

    public static JsonataValue Undefined { get; }

    public bool IsDefined { get; }

    public bool IsUndefined => !IsDefined;

    /// <summary>The JSON value; null is JSON null when <see cref="IsDefined"/>.</summary>
    public JsonNode? Node { get; }

    public static JsonataValue Of(JsonNode? node) => new(node, true);

    public override string ToString() => IsUndefined ? "undefined" : Node?.ToJsonString() ?? "null";
}
