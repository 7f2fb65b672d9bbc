namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>States.Array* and States.JsonMerge.</summary>
internal static class ArrayFunctions
{
    /// <summary>ArrayRange may produce at most this many elements.</summary>
    public const int MaxRangeLength = 1000;

    public static JsonNode? Array(IntrinsicInvocation call)
    {
        var result = new JsonArray();
        foreach (var value in call.Values)
            result.Add(JsonData.Clone(value));
        return result;
    }

    public static JsonNode? ArrayPartition(IntrinsicInvocation call)
    {
        var source = IntrinsicArguments.Array(call, 0);
        var size = IntrinsicArguments.Integer(call, 1);
        if (size <= 0)
            throw new IntrinsicFailureException("The chunk size of States.ArrayPartition must be greater than 0.");
        var result = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in source)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                result.Add(chunk);
            }
            chunk.Add(JsonData.Clone(item));
        }
        return result;
    }

    public static JsonNode? ArrayContains(IntrinsicInvocation call)
    {
        var source = IntrinsicArguments.Array(call, 0);
        foreach (var item in source)
        {
            if (JsonData.IsEqual(item, call.Values[1]))
                return JsonValue.Create(true);
        }
        return JsonValue.Create(false);
    }

    public static JsonNode? ArrayRange(IntrinsicInvocation call)
    {
        var start = IntrinsicArguments.Integer(call, 0);
        var end = IntrinsicArguments.Integer(call, 1);
        var step = IntrinsicArguments.Integer(call, 2);
        if (step == 0)
            throw new IntrinsicFailureException("The step of States.ArrayRange cannot be 0.");
        var result = new JsonArray();
        for (var value = start; step > 0 ? value <= end : value >= end; value += step)
        {
            if (result.Count == MaxRangeLength)
                throw new IntrinsicFailureException($"States.ArrayRange cannot produce more than {MaxRangeLength} elements.");
            result.Add(JsonValue.Create(value));
        }
        return result;
    }

    public static JsonNode? ArrayGetItem(IntrinsicInvocation call)
    {
        var source = IntrinsicArguments.Array(call, 0);
        var index = IntrinsicArguments.Integer(call, 1);
        if (index < 0 || index >= source.Count)
            throw new IntrinsicFailureException($"The index {index} is out of bounds of the array of {source.Count} element(s).");
        return JsonData.Clone(source[(int)index]);
    }

    public static JsonNode? ArrayLength(IntrinsicInvocation call) => JsonValue.Create(IntrinsicArguments.Array(call, 0).Count);

    public static JsonNode? ArrayUnique(IntrinsicInvocation call)
    {
        var source = IntrinsicArguments.Array(call, 0);
        var result = new JsonArray();
        foreach (var item in source)
        {
            var seen = false;
            foreach (var kept in result)
            {
                if (JsonData.IsEqual(kept, item))
                {
                    seen = true;
                    break;
                }
            }
            if (!seen)
                result.Add(JsonData.Clone(item));
        }
        return result;
    }

    /// <summary>Keys of the second object win; with <c>true</c> nested objects merge too.</summary>
    public static JsonNode? JsonMerge(IntrinsicInvocation call)
    {
        var left = call.Values[0] as JsonObject ?? throw IntrinsicArguments.Fail(call, 0, "an object");
        var right = call.Values[1] as JsonObject ?? throw IntrinsicArguments.Fail(call, 1, "an object");
        var deep = IntrinsicArguments.Boolean(call, 2);
        var result = (JsonObject)left.DeepClone();
        Merge(result, right, deep);
        return result;
    }

    private static void Merge(JsonObject target, JsonObject source, bool deep)
    {
        foreach (var (key, value) in source)
        {
            if (deep && value is JsonObject nested && target[key] is JsonObject existing)
                Merge(existing, nested, deep);
            else
                target[key] = JsonData.Clone(value);
        }
    }
}
