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

    /// <summary>
    /// A result as converting it to JSON and back would give it (<see cref="FromNode"/> of <see cref="ToNode(object?)"/>),
    /// without making the JSON: sequences and other flagged arrays become plain arrays, functions become null in an
    /// array and are left out of an object, undefined members are left out, -0 becomes 0 and an integer from 1e15 to
    /// 1e21 keeps the digits its JSON has. Fails as <see cref="ToNode(object?)"/> does (D1001, U1001). Parts that need no
    /// change are returned as they are (the evaluator never changes a value in place), so a result made of its inputs'
    /// values costs a walk, not a copy. Undefined (C# null) and a function at the top are the caller's to handle.
    /// </summary>
    public static object ToJsonForm(object? value) => ToJsonForm(value, 0);

    private static object ToJsonForm(object? value, int depth)
    {
        if (depth > MaxOutputDepth)
            throw StackGuard.Overflow(-1);
        StackGuard.Ensure();
        switch (value)
        {
            case string or bool:
                return value;
            case double d:
                if (!double.IsFinite(d))
                    throw JsonataErrors.Create("D1001", -1, null, d);
                var number = NumberAsJson(d);
                return BitConverter.DoubleToInt64Bits(number) == BitConverter.DoubleToInt64Bits(d) ? value : number;
            case JList list:
                return ListJsonForm(list, depth);
            case JObject obj:
                return ObjectJsonForm(obj, depth);
            case TupleBinding tuple:
                return ToJsonForm(tuple.Context, depth);
            default:
                return JNull.Instance;
        }
    }

    /// <summary>The number that its JSON (<see cref="Number"/>) reads back as.</summary>
    private static double NumberAsJson(double d) =>
        d == 0 ? 0
        : d == Math.Floor(d) && Math.Abs(d) >= 1e15 && Math.Abs(d) < 1e21
            ? double.Parse(((decimal)d).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture)
            : d;

    private static JList ListJsonForm(JList list, int depth)
    {
        var plain = !(list.IsSequence || list.KeepSingleton || list.OuterWrapper || list.TupleStream || list.Cons);
        JList? copy = plain ? null : new JList(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var formed = item is JFunction ? JNull.Instance : ToJsonForm(item, depth + 1);
            if (copy is null && !ReferenceEquals(formed, item))
            {
                copy = new JList(list.Count);
                for (var j = 0; j < i; j++)
                    copy.Add(list[j]);
            }
            copy?.Add(formed);
        }
        return copy ?? list;
    }

    private static JObject ObjectJsonForm(JObject obj, int depth)
    {
        JObject? copy = null;
        for (var i = 0; i < obj.Count; i++)
        {
            var (key, item) = obj.GetAt(i);
            var formed = item is null or JFunction ? null : ToJsonForm(item, depth + 1);
            if (copy is null && (formed is null || !ReferenceEquals(formed, item)))
            {
                copy = new JObject(obj.Count);
                for (var j = 0; j < i; j++)
                {
                    var (earlierKey, earlier) = obj.GetAt(j);
                    copy.Add(earlierKey, earlier);
                }
            }
            if (formed is not null)
                copy?.Add(key, formed);
        }
        return copy ?? obj;
    }

    /// <summary>An upper bound of the UTF-8 size of a JSON-form value's compact JSON (see <see cref="ToJsonForm(object?)"/>),
    /// counted no further than past <paramref name="stopAt"/>: each character of a string or key at most 6 bytes (an
    /// escape), a number at most 40.</summary>
    public static long JsonSizeBound(object? value, long stopAt)
    {
        switch (value)
        {
            case JObject obj:
                long total = 2;
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, item) = obj.GetAt(i);
                    total += (key.Length * 6L) + 3 + JsonSizeBound(item, stopAt);
                    if (total > stopAt)
                        return total;
                }
                return total;
            case JList list:
                long sum = 2;
                foreach (var item in list)
                {
                    sum += 1 + JsonSizeBound(item, stopAt);
                    if (sum > stopAt)
                        return sum;
                }
                return sum;
            case string s:
                return (s.Length * 6L) + 2;
            case double:
                return 40;
            default:
                return 5; // true, false, null
        }
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
