namespace StatesLanguage.Evaluation.Paths;

/// <summary>A compiled <c>[?(...)]</c> predicate over one array element (<c>@</c>) and the path root (<c>$</c>).</summary>
internal abstract class FilterExpression
{
    public abstract bool Matches(JsonNode? item, JsonNode? root);

    public sealed class And(FilterExpression left, FilterExpression right) : FilterExpression
    {
        public override bool Matches(JsonNode? item, JsonNode? root) => left.Matches(item, root) && right.Matches(item, root);
    }

    public sealed class Or(FilterExpression left, FilterExpression right) : FilterExpression
    {
        public override bool Matches(JsonNode? item, JsonNode? root) => left.Matches(item, root) || right.Matches(item, root);
    }

    public sealed class Exists(FilterOperand operand) : FilterExpression
    {
        public override bool Matches(JsonNode? item, JsonNode? root) => operand.TryResolve(item, root, out _);
    }

    public sealed class Compare(FilterOperand left, string op, FilterOperand right) : FilterExpression
    {
        public override bool Matches(JsonNode? item, JsonNode? root)
        {
            if (!left.TryResolve(item, root, out var a) || !right.TryResolve(item, root, out var b))
                return op == "!=";
            return op switch
            {
                "==" => JsonNode.DeepEquals(a, b) || NumbersEqual(a, b),
                "!=" => !(JsonNode.DeepEquals(a, b) || NumbersEqual(a, b)),
                _ => Order(a, b) is int order && op switch
                {
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    ">=" => order >= 0,
                    _ => false,
                },
            };
        }

        private static bool NumbersEqual(JsonNode? a, JsonNode? b) =>
            JsonData.TryGetNumber(a, out var x) && JsonData.TryGetNumber(b, out var y) && x == y;

        private static int? Order(JsonNode? a, JsonNode? b)
        {
            if (JsonData.TryGetNumber(a, out var x) && JsonData.TryGetNumber(b, out var y))
                return x.CompareTo(y);
            if (JsonData.TryGetString(a, out var s) && JsonData.TryGetString(b, out var t))
                return string.CompareOrdinal(s, t);
            return null;
        }
    }
}
