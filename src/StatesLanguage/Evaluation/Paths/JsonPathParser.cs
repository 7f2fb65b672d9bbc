namespace StatesLanguage.Evaluation.Paths;

/// <summary>Compiles JSONPath text once, at parse time: <c>$</c>, <c>$$</c> or <c>$var</c>, then <c>.name</c>,
/// <c>['name']</c>, <c>[n]</c>, <c>[*]</c>, <c>.*</c>, <c>..name</c>, <c>[a:b:c]</c>, <c>[n,m]</c> and <c>[?(...)]</c>.</summary>
internal static partial class JsonPathParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPathExpression? path, out string? error)
    {
        path = null;
        try
        {
            path = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <exception cref="FormatException">The text is not a JSONPath.</exception>
    public static JsonPathExpression Parse(string text)
    {
        if (text.Length == 0 || text[0] != '$')
            throw new FormatException($"The path '{text}' must start with '$'.");
        var position = 1;
        var root = PathRoot.Input;
        string? variable = null;
        if (position < text.Length && text[position] == '$')
        {
            root = PathRoot.Context;
            position++;
        }
        else if (position < text.Length && IsNameStart(text[position]))
        {
            root = PathRoot.Variable;
            var start = position;
            while (position < text.Length && IsNameChar(text[position]))
                position++;
            variable = text[start..position];
        }
        var segments = ParseSegments(text, ref position, stopAtParen: false);
        if (position != text.Length)
            throw new FormatException($"Unexpected '{text[position]}' at position {position} in path '{text}'.");
        return new JsonPathExpression(text, root, variable, [.. segments]);
    }

    internal static List<PathSegment> ParseSegments(string text, ref int position, bool stopAtParen)
    {
        var segments = new List<PathSegment>();
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '.')
            {
                if (position + 1 < text.Length && text[position + 1] == '.')
                {
                    position += 2;
                    if (position < text.Length && text[position] == '*')
                    {
                        position++;
                        segments.Add(new PathSegment.RecursiveName(null));
                    }
                    else
                    {
                        segments.Add(new PathSegment.RecursiveName(ReadDotName(text, ref position)));
                    }
                    continue;
                }
                position++;
                if (position < text.Length && text[position] == '*')
                {
                    position++;
                    segments.Add(new PathSegment.Wildcard());
                    continue;
                }
                segments.Add(new PathSegment.Name(ReadDotName(text, ref position)));
            }
            else if (c == '[')
            {
                segments.Add(ReadBracket(text, ref position));
            }
            else if (stopAtParen)
            {
                break;
            }
            else
            {
                throw new FormatException($"Unexpected '{c}' at position {position} in path '{text}'.");
            }
        }
        return segments;
    }

    private static string ReadDotName(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not ('.' or '[' or ' ' or ')' or '=' or '!' or '<' or '>' or '&' or '|'))
            position++;
        if (position == start)
            throw new FormatException($"Empty property name at position {start} in path '{text}'.");
        return text[start..position];
    }

    /// <summary>A quoted name; a backslash escapes only the quote character and itself is kept otherwise.</summary>
    internal static string ReadQuoted(string text, ref int position)
    {
        var quote = text[position++];
        var builder = new System.Text.StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            if (text[position] == '\\' && position + 1 < text.Length && text[position + 1] == quote)
                position++;
            builder.Append(text[position++]);
        }
        if (position >= text.Length)
            throw new FormatException($"Unclosed quote in path '{text}'.");
        position++;
        return builder.ToString();
    }

    internal static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
            position++;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
