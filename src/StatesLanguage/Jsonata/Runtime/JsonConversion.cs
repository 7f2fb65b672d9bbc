using System.Text.Json;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>Converts between <see cref="JsonNode"/> and the evaluator's values, at the API boundary only.</summary>
internal static partial class JsonConversion
{
    public static object? FromValue(JsonataValue value) => value.IsUndefined ? null : FromNode(value.Node);

    public static object FromNode(JsonNode? node) => FromNode(node, 0);

    private static object FromNode(JsonNode? node, int depth)
    {
        StackGuard.EnsureAtLevel(depth);
        switch (node)
        {
            case null:
                return JNull.Instance;
            case JsonObject obj:
                var result = new JObject(obj.Count);
                var objectHeight = 0;
                for (var i = 0; i < obj.Count; i++) // indexed, not foreach: JsonObject's enumerator is boxed
                {
                    var (key, item) = obj.GetAt(i);
                    var converted = FromNode(item, depth + 1);
                    result[key] = converted;
                    objectHeight = Math.Max(objectHeight, JsonHeight(converted) + 1);
                }
                result.JsonHeight = objectHeight;
                return result;
            case JsonArray array:
                var list = new JList(array.Count);
                var listHeight = 0;
                for (var i = 0; i < array.Count; i++)
                {
                    var converted = FromNode(array[i], depth + 1);
                    list.Add(converted);
                    listHeight = Math.Max(listHeight, JsonHeight(converted) + 1);
                }
                list.JsonHeight = listHeight;
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
                        return NumberOf(value);
                    default:
                        return JNull.Instance;
                }
        }
    }

    /// <summary>The nesting below a value converted from JSON (0 for a scalar).</summary>
    private static int JsonHeight(object value) => value switch
    {
        JObject obj => obj.JsonHeight,
        JList list => list.JsonHeight,
        _ => 0,
    };

    /// <summary>A JSON number as a double: the double it holds, an integer converted (exactly as its digits would
    /// parse), else its text parsed. Serializing every number that is not a double (an <c>int</c> a task returned)
    /// made it the slowest part of converting a task's result.</summary>
    private static double NumberOf(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<int>(out var i) ? i
        : value.TryGetValue<long>(out var l) ? l
        : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

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
        StackGuard.EnsureAtLevel(depth);
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
                // Collected first: a JsonObject made from a collection is sized once, not grown member by member.
                var members = new KeyValuePair<string, JsonNode?>[obj.Count];
                var count = 0;
                foreach (var (key, item) in obj)
                {
                    if (item is not null and not JFunction)
                        members[count++] = new(key, ToNode(item, depth + 1));
                }
                return new JsonObject(count == members.Length ? members : members[..count]);
            case TupleBinding tuple:
                return ToNode(tuple.Context, depth);
            default:
                return null;
        }
    }
}
