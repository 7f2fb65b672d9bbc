namespace StatesLanguage.Jsonata.Runtime;

internal sealed partial class Evaluator
{
    private object? Transform(TransformFunction transform, object? value)
    {
        if (value is null)
            return null;
        var node = transform.Node;
        var environment = transform.Environment;
        if (environment.Lookup("clone") is not JFunction clone)
            throw JsonataErrors.Create("T2013", node.Position);
        var result = Apply(clone, [value], null, environment);
        var matches = Evaluate(node.Pattern!, result, environment);
        if (matches is null)
            return result;
        var list = matches as JList ?? new JList { matches };
        foreach (var match in list)
        {
            var update = Evaluate(node.Update!, match, environment);
            if (update is not null)
            {
                if (update is not JObject changes)
                    throw JsonataErrors.Create("T2011", node.Update!.Position, null, update);
                if (match is JObject target)
                {
                    foreach (var (key, item) in changes)
                        target[key] = item;
                }
            }
            if (node.Delete is null)
                continue;
            var deletions = Evaluate(node.Delete, match, environment);
            if (deletions is null)
                continue;
            var names = deletions as JList ?? new JList { deletions };
            if (!JsonataValues.IsArrayOfStrings(names))
                throw JsonataErrors.Create("T2012", node.Delete.Position, null, deletions);
            if (match is JObject from)
            {
                foreach (var name in names)
                    from.Remove((string)name!);
            }
        }
        return result;
    }

    /// <summary>A deep copy of JSON data (what <c>$clone</c> does).</summary>
    public static object? DeepCopy(object? value)
    {
        StackGuard.Ensure();
        switch (value)
        {
            case JList list:
                var copy = new JList(list.Count);
                foreach (var item in list)
                    copy.Add(DeepCopy(item));
                return copy;
            case JObject obj:
                var result = new JObject(obj.Count);
                foreach (var (key, item) in obj)
                {
                    if (item is not null)
                        result[key] = item is JFunction ? "" : DeepCopy(item);
                }
                return result;
            case double d:
                return JsonataValues.RoundTo15(d);
            default:
                return value;
        }
    }
}
