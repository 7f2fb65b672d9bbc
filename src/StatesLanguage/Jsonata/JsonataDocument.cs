using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata;

/// <summary>
/// JSON converted once into the evaluator's own form, to be the input or a variable of many evaluations (for
/// example a state's input read by several expressions) without converting it again each time; or an evaluation's
/// result kept in that form (<see cref="JsonataExpression.EvaluateDocument(JsonataDocument, IReadOnlyDictionary{string, JsonataDocument}?, JsonataEvaluationOptions?)"/>), to be passed on the same way.
/// Immutable: a later change to the <see cref="JsonNode"/> it was made from is not seen. Thread-safe.
/// </summary>
public sealed class JsonataDocument
{
    private JsonataDocument(object? value)
    {
        Value = value;
    }

    /// <summary>No value (undefined).</summary>
    public static JsonataDocument Undefined { get; } = new(null);

    /// <summary>The undefined document that stands for a function as an evaluation's result (see
    /// <see cref="JsonataExpression.EvaluateDocument(JsonataDocument, IReadOnlyDictionary{string, JsonataDocument}?, JsonataEvaluationOptions?)"/>).</summary>
    internal static JsonataDocument Function { get; } = new(null) { IsFunction = true };

    internal object? Value { get; }

    public bool IsUndefined => Value is null;

    /// <summary>The result of an evaluation was a function: it has no JSON form (<see cref="IsUndefined"/> is true).</summary>
    public bool IsFunction { get; private init; }

    public static JsonataDocument From(JsonNode? node) => new(JsonConversion.FromNode(node));

    public static JsonataDocument From(JsonataValue value) => value.IsUndefined ? Undefined : From(value.Node);

    /// <summary>An evaluation's result, in the form its JSON would have (see <see cref="JsonConversion.ToJsonForm(object?)"/>).</summary>
    /// <exception cref="JsonataException">D1001 (a number JSON cannot hold), U1001 (too deep for JSON).</exception>
    internal static JsonataDocument FromResult(object? value) => value switch
    {
        null => Undefined,
        JFunction => Function,
        _ => new JsonataDocument(JsonConversion.ToJsonForm(value)),
    };

    /// <summary>The document as JSON, made anew on each call.</summary>
    public JsonataValue ToValue() => IsFunction ? JsonataValue.Function : JsonConversion.ToValue(Value);

    /// <summary>An upper bound of the UTF-8 size of the document's compact JSON, counted no further than past
    /// <paramref name="stopAt"/> (for size limits, without making the JSON).</summary>
    internal long JsonSizeBound(long stopAt) => IsUndefined ? 0 : JsonConversion.JsonSizeBound(Value, stopAt);

    /// <summary>A value already in the evaluator's JSON form (a string, a double, <see cref="JsonataValues.True"/> or
    /// <see cref="JsonataValues.False"/>, <see cref="JNull.Instance"/>, or a <see cref="JObject"/> or <see cref="JList"/>
    /// of those), used as it is.</summary>
    internal static JsonataDocument FromJsonForm(object value) => new(value);

    /// <summary>An object of documents, none converted again (undefined ones are left out).</summary>
    internal static JsonataDocument Object(ReadOnlySpan<KeyValuePair<string, JsonataDocument>> members)
    {
        var result = new JObject(members.Length);
        foreach (var (name, value) in members)
        {
            if (value.Value is { } member)
                result[name] = member;
        }
        return new JsonataDocument(result);
    }

    /// <summary>An array of documents, none converted again (undefined ones are left out).</summary>
    internal static JsonataDocument Array(ReadOnlySpan<JsonataDocument> items)
    {
        var result = new JList(items.Length);
        foreach (var item in items)
        {
            if (item.Value is { } value)
                result.Add(value);
        }
        return new JsonataDocument(result);
    }
}
