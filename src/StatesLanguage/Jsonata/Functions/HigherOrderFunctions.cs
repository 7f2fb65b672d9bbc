using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Functions;

/// <summary>$map, $filter, $single and $reduce.</summary>
internal static class HigherOrderFunctions
{
    public static void Register(LibraryBuilder library)
    {
        library.Add("map", "<af>", 2, Map);
        library.Add("filter", "<af>", 2, Filter);
        library.Add("single", "<af?>", 2, Single);
        library.Add("reduce", "<afj?:j>", 3, Reduce);
    }

    private static object?[] Arguments(JFunction function, object? value, int index, JList array)
    {
        var arity = function.Arity;
        return arity >= 3 ? [value, (double)index, array] : arity == 2 ? [value, (double)index] : [value];
    }

    private static object? Map(CallContext context, object?[] a)
    {
        if (a[0] is not JList list)
            return null;
        var function = (JFunction)a[1]!;
        var result = new JList(list.Count) { IsSequence = true };
        for (var i = 0; i < list.Count; i++)
        {
            var value = context.Evaluator.Call(function, Arguments(function, list[i], i, list), context.Environment);
            if (value is not null)
                result.Add(value);
        }
        return result;
    }

    private static object? Filter(CallContext context, object?[] a)
    {
        if (a[0] is not JList list)
            return null;
        var function = (JFunction)a[1]!;
        var result = JList.Sequence();
        for (var i = 0; i < list.Count; i++)
        {
            if (Evaluator.Truthy(context.Evaluator.Call(function, Arguments(function, list[i], i, list), context.Environment)))
                result.Add(list[i]);
        }
        return result;
    }

    private static object? Single(CallContext context, object?[] a)
    {
        if (a[0] is not JList list)
            return null;
        var function = a.Length > 1 ? a[1] as JFunction : null;
        object? found = null;
        var hasMatch = false;
        for (var i = 0; i < list.Count; i++)
        {
            var matches = function is null || Evaluator.Truthy(context.Evaluator.Call(function, Arguments(function, list[i], i, list), context.Environment));
            if (!matches)
                continue;
            if (hasMatch)
                throw JsonataErrors.Create("D3138", -1);
            found = list[i];
            hasMatch = true;
        }
        return hasMatch ? found : throw JsonataErrors.Create("D3139", -1);
    }

    private static object? Reduce(CallContext context, object?[] a)
    {
        if (a[0] is not JList list)
            return null;
        var function = (JFunction)a[1]!;
        var arity = function.Arity;
        if (arity < 2)
            throw JsonataErrors.Create("D3050", -1);
        var initial = a.Length > 2 ? a[2] : null;
        object? result;
        int index;
        if (initial is null && list.Count > 0)
        {
            result = list[0];
            index = 1;
        }
        else
        {
            result = initial;
            index = 0;
        }
        for (; index < list.Count; index++)
        {
            object?[] arguments = arity >= 4 ? [result, list[index], (double)index, list]
                : arity == 3 ? [result, list[index], (double)index]
                : [result, list[index]];
            result = context.Evaluator.Call(function, arguments, context.Environment);
        }
        return result;
    }
}
