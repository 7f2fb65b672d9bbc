using System.Text.Json;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>Converts between <see cref="JsonNode"/> and the evaluator's values, at the API boundary only.</summary>
internal static class JsonConversion
{
    public static object? FromValue(JsonataValue value) => value.IsUndefined ? null : FromNode(value.Node);

    public static object FromNode(JsonNode? node)
    {
        StackGuard.Ensure();
        switch (node)
        {
            case null:
                return JNull.Instance;
            case JsonObject obj:
                var result = new JObject(obj.Count);
                foreach (var (key, item) in obj)
                    result[key] = FromNode(item);
                return result;
            case JsonArray array:
                var list = new JList(array.Count);
                foreach (var item in array)
                    list.Add(FromNode(item));
                return list;
            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return value.GetValue<string>();
                    case JsonValueKind.True:
                        return JsonataValues.True;
                    case JsonValueKind.False:
                        return JsonataValues.False;
                    case JsonValueKind.Number:
                        return value.TryGetValue<double>(out var d)
                            ? d
                            : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                    default:
                        return JNull.Instance;
                }
        }
    }

    /// <summary>Deeper JSON than System.Text.Json writes (its writer stops at 1,000 levels) fails with U1001.</summary>
    public const int MaxOutputDepth = 1000;

    public static JsonataValue ToValue(object? value) => value switch
    {
        null => JsonataValue.Undefined,
        JFunction => JsonataValue.Function,
        _ => JsonataValue.Of(ToNode(value)),
    };

    /// <summary>A number that prints as JavaScript prints it where that matters: an integer from 1e15 (where .NET would
    /// switch to an exponent) to 1e21 in full digits. Every number stays readable with GetValue&lt;double&gt;().</summary>
    private static JsonValue Number(double d)
    {
        if (d == Math.Floor(d) && Math.Abs(d) >= 1e15 && Math.Abs(d) < 1e21)
        {
            using var document = JsonDocument.Parse(((decimal)d).ToString(CultureInfo.InvariantCulture));
            return JsonValue.Create(document.RootElement.Clone())!;
        }
        return JsonValue.Create(d == 0 ? 0 : d);
    }

    /// <summary>JSON for a defined value; D1001 for NaN or an infinity.</summary>
    public static JsonNode? ToNode(object? value) => ToNode(value, 0);

    private static JsonNode? ToNode(object? value, int depth)
    {
        if (depth > MaxOutputDepth)
            throw StackGuard.Overflow(-1);
        StackGuard.Ensure();
        switch (value)
        {
            case null or JNull:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case double d:
                if (!double.IsFinite(d))
                    throw JsonataErrors.Create("D1001", -1, null, d);
                return Number(d);
            case string s:
                return JsonValue.Create(s);
            case JList list:
                var array = new JsonArray();
                foreach (var item in list)
                    array.Add(item is JFunction ? null : ToNode(item, depth + 1));
                return array;
            case JObject obj:
                var result = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    if (item is not null and not JFunction)
                        result[key] = ToNode(item, depth + 1);
                }
                return result;
            case TupleBinding tuple:
                return ToNode(tuple.Context, depth);
            default:
                return null;
        }
    }
}
