using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>Object constructors: grouping the items of a path by key (<c>Account.Order{Product: Price}</c>), and the
/// usual case of one item without the grouping.</summary>
internal sealed partial class Evaluator
{
    private JObject EvaluateGroup(List<(Node Key, Node Value)> pairs, int position, object? input, Frame environment)
    {
        var reduce = input is JList { TupleStream: true };
        if (!reduce && input is not JList { Count: > 1 })
            return EvaluateObject(pairs, position, input is JList list ? list.Count == 0 ? null : list[0] : input, environment);
        var result = new JObject();
        var groups = new OrderedDictionary<string, (object? Data, int Index)>(StringComparer.Ordinal);
        var items = input as JList ?? JList.Sequence(input);
        if (items.Count == 0 && !reduce)
            items = JList.Sequence(null);
        foreach (var item in items)
        {
            var frame = reduce ? FrameFromTuple(environment, (TupleBinding)item!) : environment;
            var context = reduce ? ((TupleBinding)item!).Context : item;
            for (var pairIndex = 0; pairIndex < pairs.Count; pairIndex++)
            {
                var key = Evaluate(pairs[pairIndex].Key, context, frame);
                if (key is null)
                    continue;
                if (key is not string name)
                    throw JsonataErrors.Create("T1003", position, null, key);
                if (groups.TryGetValue(name, out var entry))
                {
                    if (entry.Index != pairIndex)
                        throw JsonataErrors.Create("D1009", position, null, name);
                    groups[name] = (Append(entry.Data, item), pairIndex);
                }
                else
                    groups[name] = (item, pairIndex);
            }
        }
        foreach (var (key, entry) in groups)
        {
            var context = entry.Data;
            var frame = environment;
            if (reduce)
            {
                var tuple = ReduceTupleStream(entry.Data);
                context = tuple.Context;
                tuple.Remove(TupleBinding.ContextKey);
                frame = FrameFromTuple(environment, tuple);
            }
            var value = Evaluate(pairs[entry.Index].Value, context, frame);
            if (value is not null)
                result[key] = value;
        }
        return result;
    }

    /// <summary>The grouping of one item (an object constructor's usual case) without the grouping: every key, then
    /// the value of each defined key, in the pairs' order, with the same errors (T1003, D1009).</summary>
    private JObject EvaluateObject(List<(Node Key, Node Value)> pairs, int position, object? context, Frame environment)
    {
        var names = new string?[pairs.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var key = Evaluate(pairs[i].Key, context, environment);
            if (key is null)
                continue;
            if (key is not string name)
                throw JsonataErrors.Create("T1003", position, null, key);
            if (Array.IndexOf(names, name, 0, i) >= 0)
                throw JsonataErrors.Create("D1009", position, null, name);
            names[i] = name;
        }
        var result = new JObject(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is { } name && Evaluate(pairs[i].Value, context, environment) is { } value)
                result[name] = value;
        }
        return result;
    }

    private static TupleBinding ReduceTupleStream(object? stream)
    {
        if (stream is TupleBinding single)
            return new TupleBinding(single);
        var list = (JList)stream!;
        var result = new TupleBinding((TupleBinding)list[0]!);
        for (var i = 1; i < list.Count; i++)
        {
            foreach (var (key, value) in (TupleBinding)list[i]!)
                result[key] = Append(result.TryGetValue(key, out var existing) ? existing : null, value);
        }
        return result;
    }
}
