using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Functions;

/// <summary>Boolean, array and object functions.</summary>
internal static class CollectionFunctions
{
    public static void Register(LibraryBuilder library)
    {
        library.Add("boolean", "<x-:b>", 1, (_, a) => JsonataValues.Truthy(a[0]) is { } b ? JsonataValues.Bool(b) : null);
        library.Add("not", "<x-:b>", 1, (_, a) => JsonataValues.Truthy(a[0]) is { } b ? JsonataValues.Bool(!b) : null);
        library.Add("exists", "<x:b>", 1, (_, a) => JsonataValues.Bool(a.Length > 0 && a[0] is not null));
        library.Add("count", "<a:n>", 1, (_, a) => a[0] is JList list ? (double)list.Count : 0.0);
        library.Add("append", "<xx:a>", 2, (_, a) => Evaluator.Append(a[0], a.Length > 1 ? a[1] : null));
        library.Add("reverse", "<a:a>", 1, (_, a) => a[0] is JList list ? Reverse(list) : null);
        library.Add("shuffle", "<a:a>", 1, (_, a) => a[0] is JList list ? Shuffle(list) : null);
        library.Add("distinct", "<x:x>", 1, (_, a) => Distinct(a[0]));
        library.Add("zip", "<a+>", 1, (_, a) => Zip(a));
        library.Add("sort", "<af?:a>", 2, Sort);
        library.Add("keys", "<x-:a<s>>", 1, (_, a) => Keys(a[0]));
        library.Add("lookup", "<x-s:x>", 2, (_, a) => Evaluator.Lookup(a[0], a[1] as string ?? "undefined"));
        library.Add("spread", "<x-:a<o>>", 1, (_, a) => Spread(a[0]));
        library.Add("merge", "<a<o>:o>", 1, (_, a) => a[0] is JList list ? Merge(list) : null);
        library.Add("sift", "<o-f?:o>", 2, Sift);
        library.Add("each", "<o-f:a>", 2, Each);
        library.Add("error", "<s?:x>", 1, (_, a) => throw JsonataErrors.Create("D3137", -1, null, null, Message(a.Length > 0 ? a[0] as string : null, "$error() function evaluated")));
        library.Add("assert", "<bs?:x>", 2, (_, a) => a[0] is true
            ? null
            : throw JsonataErrors.Create("D3141", -1, null, null, Message(a.Length > 1 ? a[1] as string : null, "$assert() statement failed")));
        library.Add("type", "<x:s>", 1, (_, a) => a[0] is null ? null : JsonataValues.TypeOf(a[0]));
        library.Add("clone", "<(oa)-:o>", 1, (_, a) => Evaluator.DeepCopy(a[0]));
    }

    private static Dictionary<string, object?> Message(string? message, string fallback) =>
        new(StringComparer.Ordinal) { ["message"] = string.IsNullOrEmpty(message) ? fallback : message };

    private static JList Reverse(JList list)
    {
        if (list.Count <= 1)
            return list;
        var result = new JList(list);
        result.Reverse();
        return result;
    }

    private static JList Shuffle(JList list)
    {
        if (list.Count <= 1)
            return list;
        var result = new JList(list);
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result));
        return result;
    }

    private static object? Distinct(object? value)
    {
        if (value is not JList { Count: > 1 } list)
            return value;
        var result = new JList { IsSequence = list.IsSequence };
        foreach (var item in list)
        {
            var seen = false;
            foreach (var existing in result)
            {
                if (JsonataValues.DeepEqual(item, existing))
                {
                    seen = true;
                    break;
                }
            }
            if (!seen)
                result.Add(item);
        }
        return result;
    }

    private static JList Zip(object?[] arrays)
    {
        var result = new JList();
        var length = int.MaxValue;
        foreach (var array in arrays)
            length = Math.Min(length, array is JList list ? list.Count : 0);
        if (arrays.Length == 0)
            length = 0;
        for (var i = 0; i < length; i++)
        {
            var tuple = new JList(arrays.Length);
            foreach (var array in arrays)
                tuple.Add(((JList)array!)[i]);
            result.Add(tuple);
        }
        return result;
    }

    private static object? Sort(CallContext context, object?[] a)
    {
        if (a[0] is not JList list)
            return null;
        if (list.Count <= 1)
            return list;
        var comparator = a.Length > 1 ? a[1] as JFunction : null;
        if (comparator is null)
        {
            if (JsonataValues.IsArrayOfNumbers(list))
                return Evaluator.MergeSort(list, (x, y) => (double)x! > (double)y!);
            if (JsonataValues.IsArrayOfStrings(list))
                return Evaluator.MergeSort(list, (x, y) => string.CompareOrdinal((string)x!, (string)y!) > 0);
            throw JsonataErrors.Create("D3070", -1);
        }
        return Evaluator.MergeSort(list, (x, y) => Evaluator.Truthy(context.Evaluator.Call(comparator, [x, y], context.Environment)));
    }

    private static JList Keys(object? value)
    {
        var result = JList.Sequence();
        if (value is JList list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list)
            {
                foreach (var key in Keys(item))
                {
                    if (seen.Add((string)key!))
                        result.Add(key);
                }
            }
        }
        else if (value is JObject obj)
        {
            foreach (var key in obj.Keys)
                result.Add(key);
        }
        return result;
    }

    private static object? Spread(object? value)
    {
        if (value is JList list)
        {
            object? result = JList.Sequence();
            foreach (var item in list)
                result = Evaluator.Append(result, Spread(item));
            return result;
        }
        if (value is JObject obj)
        {
            var result = JList.Sequence();
            foreach (var (key, item) in obj)
                result.Add(new JObject { [key] = item });
            return result;
        }
        return value;
    }

    private static JObject Merge(JList list)
    {
        var capacity = 0;
        foreach (var item in list)
            capacity += item is JObject obj ? obj.Count : 0;
        var result = new JObject(capacity); // at most: later objects may replace keys, never grow it past this
        foreach (var item in list)
        {
            if (item is JObject obj)
            {
                foreach (var (key, value) in obj)
                    result[key] = value;
            }
        }
        return result;
    }

    private static object?[] HofArguments(JFunction function, object? value, object? index, object? whole)
    {
        var arity = function.Arity;
        return arity >= 3 ? [value, index, whole] : arity == 2 ? [value, index] : [value];
    }

    private static object? Sift(CallContext context, object?[] a)
    {
        if (a[0] is not JObject obj || a.Length < 2 || a[1] is not JFunction function)
            return null;
        var result = new JObject();
        foreach (var (key, value) in obj)
        {
            if (Evaluator.Truthy(context.Evaluator.Call(function, HofArguments(function, value, key, obj), context.Environment)))
                result[key] = value;
        }
        return result.Count == 0 ? null : result;
    }

    private static object? Each(CallContext context, object?[] a)
    {
        var result = JList.Sequence();
        if (a[0] is not JObject obj || a[1] is not JFunction function)
            return result;
        foreach (var (key, value) in obj)
        {
            var item = context.Evaluator.Call(function, HofArguments(function, value, key, obj), context.Environment);
            if (item is not null)
                result.Add(item);
        }
        return result;
    }
}
