namespace StatesLanguage.Jsonata;

/// <summary>
/// A JSONata value at the API boundary: either undefined (no value, <see cref="IsUndefined"/>) or JSON, where
/// <see cref="Node"/> null is JSON null. A function result, which JSON cannot hold, is undefined with
/// <see cref="IsFunction"/> set.
/// </summary>
public readonly record struct JsonataValue
{
    private JsonataValue(JsonNode? node, bool defined)
    {
        Node = node;
        IsDefined = defined;
    }

    public static JsonataValue Undefined { get; }

    /// <summary>The undefined value that stands for a function (a lambda or a library function) as a result.</summary>
    public static JsonataValue Function { get; } = new(null, false) { IsFunction = true };

    /// <summary>The value was a function: it has no JSON form (<see cref="IsDefined"/> is false).</summary>
    public bool IsFunction { get; private init; }

    public bool IsDefined { get; }

    public bool IsUndefined => !IsDefined;

    /// <summary>The JSON value; null is JSON null when <see cref="IsDefined"/>.</summary>
    public JsonNode? Node { get; }

    public static JsonataValue Of(JsonNode? node) => new(node, true);

    public override string ToString() => IsUndefined ? "undefined" : Node?.ToJsonString() ?? "null";
}
