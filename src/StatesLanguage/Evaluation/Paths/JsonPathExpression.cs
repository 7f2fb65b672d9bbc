namespace StatesLanguage.Evaluation.Paths;

/// <summary>A compiled JSONPath. A definite path (names and indexes only) yields one value or fails; an indefinite
/// one (wildcard, slice, union, filter, recursive descent) always yields a new array, empty when nothing matches,
/// as AWS does.</summary>
public sealed class JsonPathExpression
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
        switch (Root)
        {
            case PathRoot.Input:
                start = scope.Input;
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
            return TryWalkWithMessage(start, out value, out failure);
        var results = new List<JsonNode?>();
        Collect(start, 0, start, results);
        var array = new JsonArray();
        foreach (var item in results)
            array.Add(item?.DeepClone());
        value = array;
        failure = null;
        return true;
    }

    private bool TryWalkWithMessage(JsonNode? node, out JsonNode? value, [NotNullWhen(false)] out string? failure)
    {
        var current = node;
        for (var i = 0; i < _segments.Length; i++)
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

    private void Collect(JsonNode? node, int position, JsonNode? root, List<JsonNode?> results)
    {
        if (position == _segments.Length)
        {
            results.Add(node);
            return;
        }
        var segment = _segments[position];
        var following = position + 1;
        switch (segment)
        {
            case PathSegment.Name or PathSegment.Index:
                if (TryStep(node, segment, out var next))
                    Collect(next, following, root, results);
                break;
            case PathSegment.Wildcard:
                foreach (var child in Children(node))
                    Collect(child, following, root, results);
                break;
            case PathSegment.Union union when node is JsonArray array:
                foreach (var index in union.Indexes)
                {
                    var i = index < 0 ? array.Count + index : index;
                    if (i >= 0 && i < array.Count)
                        Collect(array[i], following, root, results);
                }
                break;
            case PathSegment.Slice slice when node is JsonArray array:
                CollectSlice(array, slice, following, root, results);
                break;
            case PathSegment.Filter filter:
                if (node is JsonArray items)
                {
                    foreach (var item in items)
                    {
                        if (filter.Expression.Matches(item, root))
                            Collect(item, following, root, results);
                    }
                }
                else if (node is JsonObject && filter.Expression.Matches(node, root))
                {
                    Collect(node, following, root, results);
                }
                break;
            case PathSegment.RecursiveName recursive:
                CollectRecursive(node, recursive.Value, following, root, results);
                break;
        }
    }

    private void CollectSlice(JsonArray array, PathSegment.Slice slice, int following, JsonNode? root, List<JsonNode?> results)
    {
        var count = array.Count;
        static int Clamp(int value, int count) => value < 0 ? Math.Max(0, count + value) : Math.Min(value, count);
        if (slice.Step > 0)
        {
            var start = slice.Start is int s ? Clamp(s, count) : 0;
            var end = slice.End is int e ? Clamp(e, count) : count;
            for (var i = start; i < end; i += slice.Step)
                Collect(array[i], following, root, results);
        }
        else
        {
            var start = slice.Start is int s ? Math.Min(s < 0 ? count + s : s, count - 1) : count - 1;
            var end = slice.End is int e ? (e < 0 ? count + e : e) : -1;
            for (var i = start; i > end && i >= 0; i += slice.Step)
                Collect(array[i], following, root, results);
        }
    }

    private void CollectRecursive(JsonNode? node, string? name, int following, JsonNode? root, List<JsonNode?> results)
    {
        if (name is null)
        {
            foreach (var child in Children(node))
            {
                Collect(child, following, root, results);
                CollectRecursive(child, name, following, root, results);
            }
            return;
        }
        if (node is JsonObject obj && obj.TryGetPropertyValue(name, out var match))
            Collect(match, following, root, results);
        foreach (var child in Children(node))
            CollectRecursive(child, name, following, root, results);
    }

    private static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value),
        JsonArray array => array,
        _ => [],
    };

    public override string ToString() => Text;
}
