namespace StatesLanguage.Evaluation.Paths;

/// <summary>Evaluation of indefinite paths: wildcards, unions, slices, filters and recursive descent, collecting every
/// match in document order.</summary>
public sealed partial class JsonPathExpression
{
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

    private static IEnumerable<JsonNode?> Children(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                    yield return value;
                break;
            case JsonArray array:
                foreach (var item in array)
                    yield return item;
                break;
        }
    }
}
