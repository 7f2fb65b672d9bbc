namespace StatesLanguage.Jsonata.Runtime;

/// <summary>Values in their JSON form: a result as its JSON would read back, without making the JSON, and the size
/// bound of such values.</summary>
internal static partial class JsonConversion
{
    /// <summary>
    /// A result as converting it to JSON and back would give it (<see cref="FromNode(JsonNode?)"/> of <see cref="ToNode(object?)"/>),
    /// without making the JSON: sequences and other flagged arrays become plain arrays, functions become null in an
    /// array and are left out of an object, undefined members are left out, -0 becomes 0 and an integer from 1e15 to
    /// 1e21 keeps the digits its JSON has. Fails as <see cref="ToNode(object?)"/> does (D1001, U1001). Parts that need no
    /// change are returned as they are (the evaluator never changes a value in place), so a result made of its inputs'
    /// values costs a walk, not a copy. Undefined (C# null) and a function at the top are the caller's to handle.
    /// </summary>
    public static object ToJsonForm(object? value) => ToJsonForm(value, 0, out _);

    /// <param name="height">How deep the value nests below it (0 for a scalar or an empty array or object).</param>
    private static object ToJsonForm(object? value, int depth, out int height)
    {
        if (depth > MaxOutputDepth)
            throw StackGuard.Overflow(-1);
        StackGuard.EnsureAtLevel(depth);
        height = 0;
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
                return ListJsonForm(list, depth, out height);
            case JObject obj:
                return ObjectJsonForm(obj, depth, out height);
            case TupleBinding tuple:
                return ToJsonForm(tuple.Context, depth, out height);
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

    /// <summary>A value already in its JSON form is not walked again: only its depth is checked, from its height.</summary>
    private static bool IsChecked(int jsonHeight, int depth, out int height)
    {
        height = jsonHeight;
        if (jsonHeight < 0)
            return false;
        if (depth + jsonHeight > MaxOutputDepth)
            throw StackGuard.Overflow(-1);
        return true;
    }

    private static JList ListJsonForm(JList list, int depth, out int height)
    {
        if (IsChecked(list.JsonHeight, depth, out height))
            return list;
        var plain = !(list.IsSequence || list.KeepSingleton || list.OuterWrapper || list.TupleStream || list.Cons);
        JList? copy = plain ? null : new JList(list.Count);
        height = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var formed = ToJsonForm(item is JFunction ? JNull.Instance : item, depth + 1, out var below);
            height = Math.Max(height, below + 1);
            if (copy is null && !ReferenceEquals(formed, item))
            {
                copy = new JList(list.Count);
                for (var j = 0; j < i; j++)
                    copy.Add(list[j]);
            }
            copy?.Add(formed);
        }
        var checkedList = copy ?? list;
        checkedList.JsonHeight = height;
        return checkedList;
    }

    private static JObject ObjectJsonForm(JObject obj, int depth, out int height)
    {
        if (IsChecked(obj.JsonHeight, depth, out height))
            return obj;
        JObject? copy = null;
        height = 0;
        for (var i = 0; i < obj.Count; i++)
        {
            var (key, item) = obj.GetAt(i);
            object? formed = null;
            if (item is not (null or JFunction))
            {
                formed = ToJsonForm(item, depth + 1, out var below);
                height = Math.Max(height, below + 1);
            }
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
        var checkedObject = copy ?? obj;
        checkedObject.JsonHeight = height;
        return checkedObject;
    }

    /// <summary>An upper bound of the UTF-8 size of a JSON-form value's compact JSON (see <see cref="ToJsonForm(object?)"/>),
    /// counted no further than past <paramref name="stopAt"/>: each character of a string or key at most 6 bytes (an
    /// escape), a number at most 40. A JSON-form object or array keeps its bound once counted in full, so data made of
    /// earlier data (a JSONata state's output made of its input) is counted for its new parts only.</summary>
    public static long JsonSizeBound(object? value, long stopAt)
    {
        switch (value)
        {
            case JObject obj:
                if (obj.SizeBound >= 0)
                    return obj.SizeBound;
                long total = 2;
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, item) = obj.GetAt(i);
                    total += (key.Length * 6L) + 3 + JsonSizeBound(item, stopAt);
                    if (total > stopAt)
                        return total;
                }
                if (obj.JsonHeight >= 0)
                    obj.SizeBound = total;
                return total;
            case JList list:
                if (list.SizeBound >= 0)
                    return list.SizeBound;
                long sum = 2;
                foreach (var item in list)
                {
                    sum += 1 + JsonSizeBound(item, stopAt);
                    if (sum > stopAt)
                        return sum;
                }
                if (list.JsonHeight >= 0)
                    list.SizeBound = sum;
                return sum;
            case string s:
                return (s.Length * 6L) + 2;
            case double:
                return 40;
            default:
                return 5; // true, false, null
        }
    }
}
