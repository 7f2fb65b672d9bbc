using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>Compiles intrinsic calls such as <c>States.Format('a {}', $.x, States.UUID())</c>. In a string literal a
/// backslash escapes <c>'</c>, <c>{</c>, <c>}</c> and <c>\</c>; before any other character it is kept.</summary>
internal static class IntrinsicParser
{
    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    public static bool TryParse(string text, [NotNullWhen(true)] out IntrinsicCall? call, out string? error)
    {
        try
        {
            var position = 0;
            call = ParseCall(text, ref position);
            SkipSpaces(text, ref position);
            if (position != text.Length)
                throw new FormatException($"Unexpected text after the call at position {position}.");
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            call = null;
            error = $"The intrinsic function '{text}' is invalid: {ex.Message}";
            return false;
        }
    }

    private static IntrinsicCall ParseCall(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '.'))
            position++;
        var name = text[start..position];
        if (!IntrinsicFunctionTable.TryGet(name, out var entry))
            throw new FormatException($"Unknown function '{name}'.");
        SkipSpaces(text, ref position);
        Expect(text, ref position, '(');
        var arguments = new List<IntrinsicArgument>();
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == ')')
        {
            position++;
        }
        else
        {
            while (true)
            {
                arguments.Add(ParseArgument(text, ref position));
                SkipSpaces(text, ref position);
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }
                Expect(text, ref position, ')');
                break;
            }
        }
        if (arguments.Count < entry.MinArguments || arguments.Count > entry.MaxArguments)
            throw new FormatException($"{name} takes {Describe(entry)} argument(s), not {arguments.Count}.");
        return new IntrinsicCall(text[start..position], name, [.. arguments], entry.Function);
    }

    private static string Describe(IntrinsicFunctionTable.Entry entry) =>
        entry.MaxArguments == int.MaxValue ? $"at least {entry.MinArguments}"
        : entry.MinArguments == entry.MaxArguments ? entry.MinArguments.ToString(CultureInfo.InvariantCulture)
        : $"{entry.MinArguments} to {entry.MaxArguments}";

    private static IntrinsicArgument ParseArgument(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        if (position >= text.Length)
            throw new FormatException("Unexpected end of text.");
        var c = text[position];
        if (c == '\'')
            return ParseString(text, ref position);
        if (c == '$')
        {
            var start = position;
            var depth = 0;
            var quote = '\0';
            while (position < text.Length)
            {
                var d = text[position];
                if (quote != '\0')
                {
                    if (d == quote)
                        quote = '\0';
                }
                else if (d is '\'' or '"')
                {
                    quote = d;
                }
                else if (d is '[' or '(')
                {
                    depth++;
                }
                else if (d is ']' or ')')
                {
                    if (depth == 0)
                        break;
                    depth--;
                }
                else if ((d == ',' || d == ' ') && depth == 0)
                {
                    break;
                }
                position++;
            }
            var pathText = text[start..position];
            if (!JsonPathParser.TryParse(pathText, out var path, out var pathError))
                throw new FormatException(pathError);
            return new IntrinsicArgument.Path(path);
        }
        if (text.AsSpan(position).StartsWith("States."))
            return new IntrinsicArgument.Call(ParseCall(text, ref position));
        var tokenStart = position;
        while (position < text.Length && text[position] is not (',' or ')' or ' '))
            position++;
        var token = text[tokenStart..position];
        return token switch
        {
            "null" => new IntrinsicArgument.Literal(null, null),
            "true" => new IntrinsicArgument.Literal(JsonValue.Create(true), null),
            "false" => new IntrinsicArgument.Literal(JsonValue.Create(false), null),
            _ when long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) =>
                new IntrinsicArgument.Literal(JsonValue.Create(integer), null),
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
                new IntrinsicArgument.Literal(JsonValue.Create(number), null),
            _ => throw new FormatException($"Invalid argument '{token}'."),
        };
    }

    private static IntrinsicArgument.Literal ParseString(string text, ref int position)
    {
        var start = ++position;
        var builder = new System.Text.StringBuilder();
        while (position < text.Length && text[position] != '\'')
        {
            if (text[position] == '\\' && position + 1 < text.Length && text[position + 1] is '\'' or '{' or '}' or '\\')
                position++;
            builder.Append(text[position++]);
        }
        if (position >= text.Length)
            throw new FormatException("Unclosed string literal.");
        var raw = text[start..position];
        position++;
        return new IntrinsicArgument.Literal(JsonValue.Create(builder.ToString()), raw);
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
    }

    private static void Expect(string text, ref int position, char c)
    {
        if (position >= text.Length || text[position] != c)
            throw new FormatException($"Expected '{c}' at position {position}.");
        position++;
    }
}
