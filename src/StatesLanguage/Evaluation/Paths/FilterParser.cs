namespace StatesLanguage.Evaluation.Paths;

/// <summary>Parses the <c>(...)</c> of a <c>[?(...)]</c> filter: comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>),
/// existence tests, <c>&amp;&amp;</c>, <c>||</c> and parentheses.</summary>
internal static class FilterParser
{
    public static FilterExpression Parse(string text, ref int position)
    {
        JsonPathParser.SkipSpaces(text, ref position);
        Expect(text, ref position, '(');
        var expression = ParseOr(text, ref position);
        JsonPathParser.SkipSpaces(text, ref position);
        Expect(text, ref position, ')');
        return expression;
    }

    private static FilterExpression ParseOr(string text, ref int position)
    {
        var left = ParseAnd(text, ref position);
        while (TryConsume(text, ref position, "||"))
            left = new FilterExpression.Or(left, ParseAnd(text, ref position));
        return left;
    }

    private static FilterExpression ParseAnd(string text, ref int position)
    {
        var left = ParseTerm(text, ref position);
        while (TryConsume(text, ref position, "&&"))
            left = new FilterExpression.And(left, ParseTerm(text, ref position));
        return left;
    }

    private static FilterExpression ParseTerm(string text, ref int position)
    {
        JsonPathParser.SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == '(')
        {
            position++;
            var inner = ParseOr(text, ref position);
            JsonPathParser.SkipSpaces(text, ref position);
            Expect(text, ref position, ')');
            return inner;
        }
        var left = ParseOperand(text, ref position);
        JsonPathParser.SkipSpaces(text, ref position);
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
        {
            if (TryConsume(text, ref position, op))
                return new FilterExpression.Compare(left, op, ParseOperand(text, ref position));
        }
        return new FilterExpression.Exists(left);
    }

    private static FilterOperand ParseOperand(string text, ref int position)
    {
        JsonPathParser.SkipSpaces(text, ref position);
        if (position >= text.Length)
            throw new FormatException($"Unexpected end of filter in path '{text}'.");
        var c = text[position];
        if (c is '@' or '$')
        {
            position++;
            var segments = JsonPathParser.ParseSegments(text, ref position, stopAtParen: true);
            return FilterOperand.Path([.. segments], c == '$');
        }
        if (c is '\'' or '"')
            return FilterOperand.Literal(JsonValue.Create(JsonPathParser.ReadQuoted(text, ref position)));
        var start = position;
        while (position < text.Length && text[position] is not (' ' or ')' or '=' or '!' or '<' or '>' or '&' or '|'))
            position++;
        var token = text[start..position];
        return token switch
        {
            "true" => FilterOperand.Literal(JsonValue.Create(true)),
            "false" => FilterOperand.Literal(JsonValue.Create(false)),
            "null" => FilterOperand.Literal(null),
            _ when decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
                FilterOperand.Literal(JsonValue.Create(number)),
            _ => throw new FormatException($"Invalid filter operand '{token}' in path '{text}'."),
        };
    }

    private static bool TryConsume(string text, ref int position, string token)
    {
        JsonPathParser.SkipSpaces(text, ref position);
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0)
            return false;
        position += token.Length;
        return true;
    }

    private static void Expect(string text, ref int position, char c)
    {
        if (position >= text.Length || text[position] != c)
            throw new FormatException($"Expected '{c}' at position {position} in path '{text}'.");
        position++;
    }
}
