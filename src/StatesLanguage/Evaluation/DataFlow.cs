using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Evaluation;

/// <summary>InputPath → Parameters → (work) → ResultSelector → ResultPath → OutputPath, with AWS's null semantics
/// (a null InputPath/OutputPath gives <c>{}</c>, a null ResultPath keeps the input) and error wording.</summary>
internal static class DataFlow
{
    /// <summary>AWS's limit on state input/output and task results, in UTF-8 bytes.</summary>
    public const int MaxPayloadBytes = 262_144;

    public static JsonNode? SelectPath(JsonPathExpression? path, JsonNode? data, StateRun run)
    {
        if (path is null)
            return new JsonObject();
        if (path.IsRootOnly && path.Root == PathRoot.Input)
            return data;
        if (path.TryEvaluate(run.DataScope(data), out var value, out var failure))
        {
            // Variables and the context object are shared: state data taken from them must be a private copy.
            return path.Root == PathRoot.Input ? value : JsonData.Clone(value);
        }
        throw run.RuntimeError($"Invalid path '{path.Text}' : {failure}");
    }

    /// <summary>The template's value (Parameters, Arguments, ResultSelector), or <paramref name="data"/> without one. A
    /// JSONata state's Arguments stay in the evaluator's form: made into JSON only where they are read as JSON.</summary>
    public static StateData Apply(TemplateNode? template, StateData data, StateRun run) =>
        template is null ? data
        : run.State.QueryLanguage == Definition.QueryLanguage.Jsonata
            ? StateData.FromJsonata(template.EvaluateDocument(run.DataScope(data) with { Jsonata = new Jsonata.StatesDocuments() }))
            : template.Evaluate(run.DataScope(data));

    /// <summary>Puts <paramref name="result"/> into a copy of <paramref name="input"/> at the reference path. A result
    /// without a parent is attached as it is (the state's own work made it; history may reference it, but nothing
    /// changes its values in place); one with a parent is copied.</summary>
    /// <param name="inputPrivate">The state gave its input to nothing else (no task payload): a root input that only
    /// history references may then be changed in place (see <see cref="StateRun.TryTakeInput"/>).</param>
    public static JsonNode? ApplyResultPath(JsonPathExpression? resultPath, bool discard, JsonNode? input, JsonNode? result, StateRun run,
        bool inputPrivate = false)
    {
        if (discard)
            return input;
        if (resultPath is null || resultPath.IsRootOnly)
            return result;
        var segments = resultPath.Segments;
        if (inputPrivate && segments.Count == 1 && segments[0] is PathSegment.Name single && input is JsonObject owned
            && !ReferenceEquals(result, input) && run.TryTakeInput(owned))
        {
            owned[single.Value] = result?.Parent is null ? result : result.DeepClone();
            run.FreshOutput = owned;
            return owned;
        }
        JsonNode root = input is JsonObject or JsonArray ? input.DeepClone() : input is null ? new JsonObject()
            : throw ResultPathFailure(resultPath, input);
        run.FreshOutput = root;
        var current = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var value = last ? (result?.Parent is null ? result : result.DeepClone()) : null;
            switch (segments[i], current)
            {
                case (PathSegment.Name name, JsonObject obj):
                    if (last)
                    {
                        obj[name.Value] = value;
                    }
                    else
                    {
                        if (obj[name.Value] is not (JsonObject or JsonArray))
                            obj[name.Value] = new JsonObject();
                        current = obj[name.Value]!;
                    }
                    break;
                case (PathSegment.Index index, JsonArray array) when index.Value >= 0 && index.Value < array.Count:
                    if (last)
                        array[index.Value] = value;
                    else
                        current = array[index.Value] ?? throw ResultPathFailure(resultPath, input);
                    break;
                default:
                    throw ResultPathFailure(resultPath, input);
            }
        }
        return root;
    }

    private static StatesErrorException ResultPathFailure(JsonPathExpression path, JsonNode? input) =>
        new(StatesErrorNames.ResultPathMatchFailure,
            $"Unable to apply ResultPath \"{path.Text}\" to input \"{JsonData.Serialize(input)}\"");

    /// <summary>Evaluates Assign against <paramref name="data"/> with the variables as they were, then sets them all.</summary>
    public static void Assign(TemplateNode? assign, JsonNode? data, StateRun run)
    {
        if (assign is null)
            return;
        if (assign.Evaluate(run.DataScope(data)) is JsonObject values)
            run.AssignVariables([.. values]);
    }

    /// <summary>
    /// The end of a JSONata state: its <c>Assign</c> and <c>Output</c> evaluated with <c>$states.input</c> =
    /// <paramref name="input"/> and <paramref name="states"/> (result or error output), both seeing the variables as
    /// they were before the state; then the variables are set. Returns the output: <paramref name="output"/>'s value,
    /// or <paramref name="fallback"/> without one.
    /// </summary>
    public static StateData Conclude(TemplateNode? assign, TemplateNode? output, StateData input, StatesValues states, StateData fallback, StateRun run) =>
        Conclude([assign], output, input, states, fallback, run);

    /// <summary>As the other overload, with several Assign blocks (a Choice rule's, then its state's, which wins a name
    /// both set, as in a JSONPath Choice), all evaluated before any variable is set.</summary>
    public static StateData Conclude(ReadOnlySpan<TemplateNode?> assigns, TemplateNode? output, StateData input, StatesValues states, StateData fallback, StateRun run)
    {
        var scope = run.DataScope(input) with { States = states, Jsonata = new Jsonata.StatesDocuments() };
        List<JsonObject>? values = null;
        foreach (var assign in assigns)
        {
            if (assign?.Evaluate(scope) is JsonObject assigned)
                (values ??= new List<JsonObject>(assigns.Length)).Add(assigned);
        }
        var result = output is null ? fallback : output.EvaluateData(scope);
        if (values is null)
            return result;
        // A Choice rule's Assign, then its state's: a name both set takes the state's value.
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var assigned in values)
        {
            foreach (var (name, value) in assigned)
                merged[name] = value;
        }
        run.AssignVariables([.. merged]);
        return result;
    }

    /// <summary>Fails with States.DataLimitExceeded when the data exceeds 256 KiB of UTF-8.</summary>
    public static void CheckSize(StateData data, StateRun run) => CheckSize(data, run, run.State.Name);

    /// <summary>As <see cref="CheckSize(StateData, StateRun)"/>, naming <paramref name="subject"/> in the cause (AWS
    /// names the service, such as <c>lambda</c>, when an integration's result is too large).</summary>
    public static void CheckSize(StateData data, StateRun run, string subject)
    {
        if (data.Identity is { } identity && ReferenceEquals(identity, run.LastSizeChecked))
            return;
        if (!ExceedsLimit(data))
        {
            run.LastSizeChecked = data.Identity;
            return;
        }
        throw new StatesErrorException(StatesErrorNames.DataLimitExceeded,
            $"The state/task '{subject}' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /// <summary>A cheap upper bound first; the exact size only when the bound is above the limit.</summary>
    public static bool ExceedsLimit(JsonNode? data)
    {
        var bound = UpperBound(data, MaxPayloadBytes + 1L);
        return bound > MaxPayloadBytes && JsonData.Utf8Size(data) > MaxPayloadBytes;
    }

    /// <summary>As <see cref="ExceedsLimit(JsonNode?)"/>; a JSONata value is bounded without making its JSON, which is
    /// made only when the bound is above the limit.</summary>
    public static bool ExceedsLimit(StateData data)
    {
        if (data.JsonataValue is not { } value)
            return ExceedsLimit(data.Json);
        return value.JsonSizeBound(MaxPayloadBytes + 1L) > MaxPayloadBytes && JsonData.Utf8Size(data.Json) > MaxPayloadBytes;
    }

    private static long UpperBound(JsonNode? node, long stopAt)
    {
        switch (node)
        {
            case null:
                return 4;
            case JsonObject obj:
                long total = 2;
                for (var i = 0; i < obj.Count; i++) // indexed, not foreach: JsonObject's enumerator is boxed
                {
                    var (key, value) = obj.GetAt(i);
                    total += (key.Length * 6L) + 3 + UpperBound(value, stopAt);
                    if (total > stopAt)
                        return total;
                }
                return total;
            case JsonArray array:
                long sum = 2;
                for (var i = 0; i < array.Count; i++)
                {
                    sum += 1 + UpperBound(array[i], stopAt);
                    if (sum > stopAt)
                        return sum;
                }
                return sum;
            default:
                return JsonData.TryGetString(node, out var text) ? (text.Length * 6L) + 2 : 40;
        }
    }
}
