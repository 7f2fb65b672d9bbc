namespace StatesLanguage.Evaluation.Paths;

/// <summary>A compiled JSONPath. A definite path (names and indexes only) yields one value or fails; an indefinite
/// one (wildcard, slice, union, filter, recursive descent) always yields a new array, empty when nothing matches,
/// as AWS does.</summary>
public sealed partial class JsonPathExpression
{
    private readonly PathSegment[] _segments;

    internal JsonPathExpression(string text, PathRoot root, string? variableName, PathSegment[] segments)
    {
        Text = text;
        Root = root;
        VariableName = variableName;
        _segments = segments;
        IsDefinite = Array.TrueForAll(segments, s => s.IsDefinite);
    }

    public string Text { get; }

    internal PathRoot Root { get; }

    internal string? VariableName { get; }

    public bool IsDefinite { get; }

    /// <summary>True for a bare <c>$</c>, <c>$$</c> or <c>$var</c>.</summary>
    public bool IsRootOnly => _segments.Length == 0;

    internal IReadOnlyList<PathSegment> Segments => _segments;

    /// <summary>Evaluates the path. The value is a reference into the data, not a copy. On failure
    /// <paramref name="failure"/> holds the Jayway-style text AWS reports (such as
    /// <c>No results for path: $['a']</c>).</summary>
    internal bool TryEvaluate(in DataScope scope, out JsonNode? value, [NotNullWhen(false)] out string? failure)
    {
        JsonNode? start;
        var first = 0;
        switch (Root)
        {
            case PathRoot.Input:
                start = scope.Input;
                break;
            case PathRoot.Context when TryMapItemShortcut(scope.ContextSource, out start):
                // $$.Map.Item.Value / .Index: read the item itself, no context object, no copy.
                first = 3;
                break;
            case PathRoot.Context when _segments.Length > 0 && _segments[0] is PathSegment.Name part && scope.ContextSource is not null:
                // Resolve $$.Execution, $$.State, $$.Map… directly: never materialise the whole context object.
                if (!scope.ContextSource.TryGetContextPart(part.Value, out start))
                {
                    value = null;
                    failure = _segments.Length == 1 ? "No results for path: " + Render(1) : "Missing property in path " + Render(1);
                    return false;
                }
                first = 1;
                break;
            case PathRoot.Context:
                start = scope.Context;
                break;
            default:
                if (scope.Variables is null || !scope.Variables.TryGet(VariableName!, out start))
                {
                    value = null;
                    failure = $"The variable '${VariableName}' is not defined";
                    return false;
                }
                break;
        }
        if (IsDefinite)
            return TryWalkWithMessage(start, first, out value, out failure);
        var results = new List<JsonNode?>();
        Collect(start, first, start, results);
        var array = new JsonArray();
        foreach (var item in results)
            array.Add(item?.DeepClone());
        value = array;
        failure = null;
        return true;
    }

    private bool TryMapItemShortcut(IContextSource? source, out JsonNode? start)
    {
        start = null;
        if (source is null || _segments.Length < 3 || _segments[0] is not PathSegment.Name { Value: "Map" }
            || _segments[1] is not PathSegment.Name { Value: "Item" } || _segments[2] is not PathSegment.Name { Value: var member }
            || member is not ("Value" or "Index") || !source.TryGetMapItem(out var index, out var value))
            return false;
        start = member == "Value" ? value : JsonValue.Create(index);
        return true;
    }

    private bool TryWalkWithMessage(JsonNode? node, int first, out JsonNode? value, [NotNullWhen(false)] out string? failure)
    {
        var current = node;
        for (var i = first; i < _segments.Length; i++)
        {
            if (!TryStep(current, _segments[i], out var next))
            {
                value = null;
                failure = i == _segments.Length - 1
                    ? "No results for path: " + Render(_segments.Length)
                    : "Missing property in path " + Render(i + 1);
                return false;
            }
            current = next;
        }
        value = current;
        failure = null;
        return true;
    }

    private string Render(int count)
    {
        var builder = new System.Text.StringBuilder("$");
        for (var i = 0; i < count; i++)
            builder.Append(_segments[i].Render());
        return builder.ToString();
    }

    internal static bool TryWalkDefinite(JsonNode? node, PathSegment[] segments, out JsonNode? value)
    {
        var current = node;
        foreach (var segment in segments)
        {
            if (!TryStep(current, segment, out current))
            {
                value = null;
                return false;
            }
        }
        value = current;
        return true;
    }

    private static bool TryStep(JsonNode? node, PathSegment segment, out JsonNode? next)
    {
        switch (segment)
        {
            case PathSegment.Name name when node is JsonObject obj:
                return obj.TryGetPropertyValue(name.Value, out next);
            case PathSegment.Index index when node is JsonArray array:
                var i = index.Value < 0 ? array.Count + index.Value : index.Value;
                if (i >= 0 && i < array.Count)
                {
                    next = array[i];
                    return true;
                }
                break;
        }
        next = null;
        return false;
    }

    public override string ToString() => Text;
}
