namespace StatesLanguage.Evaluation.Paths;

/// <summary>One side of a filter comparison: a literal, or a path from <c>@</c> or <c>$</c>.</summary>
internal sealed class FilterOperand
{
    private readonly JsonNode? _literal;
    private readonly PathSegment[]? _segments;
    private readonly bool _fromRoot;

    private FilterOperand(JsonNode? literal, PathSegment[]? segments, bool fromRoot)
    {
        _literal = literal;
        _segments = segments;
        _fromRoot = fromRoot;
    }

    public static FilterOperand Literal(JsonNode? value) => new(value, null, false);

    public static FilterOperand Path(PathSegment[] segments, bool fromRoot) => new(null, segments, fromRoot);

    public bool TryResolve(JsonNode? item, JsonNode? root, out JsonNode? value)
    {
        if (_segments is null)
        {
            value = _literal;
            return true;
        }
        return JsonPathExpression.TryWalkDefinite(_fromRoot ? root : item, _segments, out value);
    }
}
