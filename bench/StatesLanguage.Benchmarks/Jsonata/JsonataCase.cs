using System.Text.Json.Nodes;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Benchmarks.Jsonata;

/// <summary>
/// One case of the JSONata suite (a folder outside the repository, read at run time), named <c>group/file#index</c>
/// as bench/peer/jsonata.mjs names it. The input and bindings are parsed once and shared by every evaluation: the
/// evaluator never mutates them.
/// </summary>
internal sealed record JsonataCase(string Name, string Group, string? Expression, JsonataValue Input,
    IReadOnlyDictionary<string, JsonNode?> Bindings, JsonObject Definition)
{
    /// <summary>The heavier groups of the suite, chosen by measuring every group on both implementations (--groups all):
    /// those where the npm package evaluates fewer than ~45,000 expressions/s, or has cases under ~10,000/s. Keep in
    /// step with DEFAULT_GROUPS in bench/peer/jsonata.mjs.</summary>
    public static readonly IReadOnlyList<string> DefaultGroups =
    [
        "performance", "tail-recursion", "higher-order-functions", "lambdas", "matchers", "joins", "object-constructor",
        "function-applications", "transforms", "multiple-array-selectors", "function-sort", "closures",
        "parent-operator", "function-sift", "hof-filter", "hof-map", "hof-reduce", "hof-single", "hof-zip-map",
        "partial-application", "sorting", "regex", "descendent-operator",
    ];

    /// <summary>The cases of the groups, files in ordinal order, the cases of a file in their order.</summary>
    public static IEnumerable<JsonataCase> Load(string suite, IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            var folder = Path.Combine(suite, "groups", group);
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var json = JsonNode.Parse(File.ReadAllText(file))!;
                List<JsonNode?> items = json is JsonArray array ? [.. array] : [json];
                for (var i = 0; i < items.Count; i++)
                {
                    var definition = items[i]!.AsObject();
                    var expression = definition.ContainsKey("expr")
                        ? ReadExpression(definition)
                        : File.ReadAllText(Path.Combine(folder, definition["expr-file"]!.GetValue<string>()));
                    yield return new JsonataCase($"{group}/{Path.GetFileNameWithoutExtension(file)}#{i}", group, expression,
                        ReadInput(suite, definition), ReadBindings(definition), definition);
                }
            }
        }
    }

    /// <summary>
    /// Why the case is not measured, or null when it is: cases with a timelimit or depth, cases that expect an
    /// error, and cases whose first evaluation fails or gives another result than the suite's are left out, the same
    /// rule as bench/peer/jsonata.mjs applies.
    /// </summary>
    public string? Exclusion(out JsonataExpression? compiled)
    {
        compiled = null;
        if (Expression is null)
            return "unreadable expression";
        if (Definition.ContainsKey("timelimit") || Definition.ContainsKey("depth"))
            return "timelimit/depth";
        if (Definition.ContainsKey("code"))
            return "expects an error";
        JsonataValue result;
        try
        {
            compiled = JsonataExpression.Compile(Expression);
            result = compiled.Evaluate(Input, Bindings);
        }
        catch (JsonataException error)
        {
            return $"error {error.Code}";
        }
        catch (NotImplementedException)
        {
            return "not implemented";
        }
#pragma warning disable CA1031 // A crash of the evaluator leaves the case out of the benchmark; the harness reports it.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return $"crash {error.GetType().Name}";
        }
        if (Definition["undefinedResult"]?.GetValue<bool>() == true)
            return result.IsUndefined ? null : "wrong result";
        return result.IsDefined && JsonEquality.AreEqual(result.Node, Definition["result"]) ? null : "wrong result";
    }

    private static string? ReadExpression(JsonObject definition)
    {
        try
        {
            return definition["expr"]?.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonataValue ReadInput(string suite, JsonObject definition)
    {
        if (definition.TryGetPropertyValue("data", out var data))
            return JsonataValue.Of(data?.DeepClone());
        if (definition["dataset"] is { } dataset)
            return JsonataValue.Of(JsonNode.Parse(File.ReadAllText(Path.Combine(suite, "datasets", dataset.GetValue<string>() + ".json"))));
        return JsonataValue.Undefined;
    }

    private static Dictionary<string, JsonNode?> ReadBindings(JsonObject definition)
    {
        var bindings = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (definition["bindings"] is JsonObject obj)
        {
            foreach (var (name, value) in obj)
                bindings[name] = value?.DeepClone();
        }
        return bindings;
    }
}
