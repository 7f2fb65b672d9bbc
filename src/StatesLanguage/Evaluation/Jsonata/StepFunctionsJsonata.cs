using System.Text;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.Jsonata;

/// <summary>
/// JSONata as Step Functions runs it: the standard library without <c>$eval</c> (use <c>$parse</c>), plus the
/// functions Step Functions adds, which mirror the JSONPath intrinsics: <c>$partition(array, size)</c>,
/// <c>$range(start, end, step)</c> (end included), <c>$hash(text, algorithm)</c> (MD5, SHA-1, SHA-256, SHA-384,
/// SHA-512; lower-case hex), <c>$random([seed])</c> (a seed gives the same number every time),
/// <c>$uuid()</c> (version 4) and <c>$parse(json)</c>.
/// </summary>
internal static class StepFunctionsJsonata
{
    public static JsonataEvaluationOptions Options { get; } = new() { Library = Library() };

    private static JsonataFunctionLibrary Library() =>
        JsonataFunctionLibrary.Standard
            .Without("eval")
            .With("partition", "<an:a>", Partition)
            .With("range", "<nnn:a>", Range)
            .With("hash", "<ss:s>", Hash)
            .With("random", "<n?:n>", Random)
            .With("uuid", "<:s>", _ => JsonataValue.Of(JsonValue.Create(Guid.NewGuid().ToString())))
            .With("parse", "<s:x>", Parse);

    private static JsonataValue Partition(IReadOnlyList<JsonataValue> arguments)
    {
        if (arguments[0].IsUndefined || arguments[1].IsUndefined)
            return JsonataValue.Undefined;
        var items = arguments[0].Node as JsonArray ?? [];
        var size = Integer(arguments[1], "partition", 2);
        if (size <= 0)
            throw new JsonataException("D3001", "The chunk size of $partition must be a positive integer.");
        var chunks = new JsonArray();
        for (var start = 0; start < items.Count; start += size)
        {
            var chunk = new JsonArray();
            for (var i = start; i < Math.Min(start + size, items.Count); i++)
                chunk.Add(JsonData.Clone(items[i]));
            chunks.Add(chunk);
        }
        return JsonataValue.Of(chunks);
    }

    /// <summary>start, start + step, … up to end included; one value alone is that value (a JSONata sequence of one),
    /// as Step Functions returns it.</summary>
    private static JsonataValue Range(IReadOnlyList<JsonataValue> arguments)
    {
        if (arguments.Any(a => a.IsUndefined))
            return JsonataValue.Undefined;
        var (start, end, step) = (Integer(arguments[0], "range", 1), Integer(arguments[1], "range", 2), Integer(arguments[2], "range", 3));
        if (step == 0)
            throw new JsonataException("D3001", "The step of $range cannot be 0.");
        var values = new JsonArray();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step)
            values.Add(value);
        return values.Count == 1 ? JsonataValue.Of(values[0]!.DeepClone()) : JsonataValue.Of(values);
    }

    private static JsonataValue Hash(IReadOnlyList<JsonataValue> arguments)
    {
        if (arguments[0].IsUndefined || arguments[1].IsUndefined)
            return JsonataValue.Undefined;
        var data = Encoding.UTF8.GetBytes(arguments[0].Node!.GetValue<string>());
        var algorithm = arguments[1].Node!.GetValue<string>();
        var digest = Intrinsics.EncodingFunctions.Digest(algorithm, data) ?? throw new JsonataException("D3001",
            $"The hash algorithm '{algorithm}' is not supported; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512.");
        return JsonataValue.Of(JsonValue.Create(Convert.ToHexStringLower(digest)));
    }

    private static JsonataValue Random(IReadOnlyList<JsonataValue> arguments)
    {
        var random = arguments.Count > 0 && arguments[0].IsDefined ? new System.Random(Integer(arguments[0], "random", 1)) : System.Random.Shared;
        return JsonataValue.Of(JsonValue.Create(random.NextDouble()));
    }

    private static JsonataValue Parse(IReadOnlyList<JsonataValue> arguments)
    {
        if (arguments[0].IsUndefined)
            return JsonataValue.Undefined;
        var text = arguments[0].Node!.GetValue<string>();
        try
        {
            return JsonataValue.Of(JsonNode.Parse(text));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new JsonataException("D3001", $"The argument of $parse is not valid JSON: {ex.Message}");
        }
    }

    private static int Integer(JsonataValue value, string function, int position) =>
        JsonData.TryGetInteger(value.Node, out var integer) && integer is >= int.MinValue and <= int.MaxValue
            ? (int)integer
            : throw new JsonataException("T0410", $"Argument {position} of function \"{function}\" must be an integer.");
}
