using System.Text;
using System.Text.Json;

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>States.Format, StringToJson, JsonToString and StringSplit.</summary>
internal static class StringFunctions
{
    /// <summary><c>{}</c> takes the next argument: strings as they are, anything else as compact JSON. In a literal
    /// template <c>\{</c> and <c>\}</c> are plain braces.</summary>
    public static JsonNode? Format(IntrinsicInvocation call)
    {
        var template = IntrinsicArguments.String(call, 0);
        var raw = call.RawLiterals[0];
        var source = raw ?? template;
        var builder = new StringBuilder();
        var next = 1;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (raw is not null && c == '\\' && i + 1 < source.Length)
            {
                builder.Append(source[++i]);
                continue;
            }
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '}')
            {
                if (next >= call.Values.Length)
                    throw new IntrinsicFailureException("Number of arguments in States.Format does not match the number of placeholders.");
                builder.Append(Render(call.Values[next++]));
                i++;
                continue;
            }
            builder.Append(c);
        }
        if (next != call.Values.Length)
            throw new IntrinsicFailureException("Number of arguments in States.Format does not match the number of placeholders.");
        return JsonValue.Create(builder.ToString());
    }

    /// <summary>Strings as they are; objects and arrays the way AWS's Java runtime prints maps and lists
    /// (<c>{a=1, b=[x, y]}</c>); other values as JSON.</summary>
    private static string Render(JsonNode? value)
    {
        var builder = new StringBuilder();
        Render(value, builder);
        return builder.ToString();
    }

    private static void Render(JsonNode? value, StringBuilder builder)
    {
        switch (value)
        {
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    builder.Append(first ? "" : ", ").Append(key).Append('=');
                    Render(item, builder);
                    first = false;
                }
                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    Render(array[i], builder);
                }
                builder.Append(']');
                break;
            default:
                builder.Append(JsonData.TryGetString(value, out var text) ? text : JsonData.Serialize(value));
                break;
        }
    }

    /// <summary>An empty or blank string gives null, as on AWS.</summary>
    public static JsonNode? StringToJson(IntrinsicInvocation call)
    {
        var text = IntrinsicArguments.String(call, 0);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new IntrinsicFailureException($"The argument of States.StringToJson is not valid JSON: {ex.Message}");
        }
    }

    public static JsonNode? JsonToString(IntrinsicInvocation call) => JsonValue.Create(JsonData.Serialize(call.Values[0]));

    /// <summary>Every character of the delimiter separates; empty tokens are dropped.</summary>
    public static JsonNode? StringSplit(IntrinsicInvocation call)
    {
        var text = IntrinsicArguments.String(call, 0);
        var delimiters = IntrinsicArguments.String(call, 1);
        var result = new JsonArray();
        var parts = delimiters.Length == 0 ? [text] : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part.Length > 0)
                result.Add(JsonValue.Create(part));
        }
        return result;
    }
}
