using System.Text;
using System.Text.RegularExpressions;
using Analytics.Testing;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>Loads the suite once; a case is named <c>group/file#index</c>.</summary>
public static class JsonataSuite
{
    public const string MissingMessage = "The JSONata suite (../shared/conformance/jsonata-suite) is not on this machine.";

    /// <summary>Groups not run, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> SkippedGroups = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["function-eval"] = "$eval is refused by Step Functions (use $parse); the library leaves it out.",
    };

    /// <summary>Groups of the picture functions ($formatNumber, $formatInteger, $parseInteger, $fromMillis, $toMillis),
    /// written in <c>Pictures</c> by another change; run only once that is no longer a stub.</summary>
    public static readonly IReadOnlySet<string> PictureGroups = new HashSet<string>(StringComparer.Ordinal)
    {
        "function-formatNumber", "function-formatInteger", "function-parseInteger", "function-fromMillis", "function-tomillis",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, JsonataSuiteCase>> Cases = new(Load);

    public static string? Folder { get; } = Locate();

    public static IReadOnlyDictionary<string, JsonataSuiteCase> All => Cases.Value;

    public static bool PicturesImplemented { get; } = ProbePictures();

    /// <summary>Why a case is not run, or null when it is.</summary>
    public static string? SkipReason(JsonataSuiteCase testCase)
    {
        if (SkippedGroups.TryGetValue(testCase.Group, out var reason))
            return reason;
        if (testCase.Expression.Contains("$eval(", StringComparison.Ordinal))
            return SkippedGroups["function-eval"];
        if (PictureGroups.Contains(testCase.Group) && !PicturesImplemented)
            return "Picture functions are still a stub here (another change implements Pictures).";
        return null;
    }

    private static bool ProbePictures()
    {
        try
        {
            _ = JsonataExpression.Compile("$formatInteger(1, '1')").Evaluate(JsonataValue.Undefined);
            return true;
        }
        catch (NotImplementedException)
        {
            return false;
        }
        catch (JsonataException)
        {
            return true;
        }
    }

    private static string? Locate()
    {
        var folder = SharedFolder.Directory is null ? null : SharedFolder.Path("conformance", "jsonata-suite");
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    private static Dictionary<string, JsonataSuiteCase> Load()
    {
        var cases = new Dictionary<string, JsonataSuiteCase>(StringComparer.Ordinal);
        if (Folder is null)
            return cases;
        var groups = Path.Combine(Folder, "groups");
        foreach (var file in Directory.EnumerateFiles(groups, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileName(Path.GetDirectoryName(file)!);
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            var items = json is JsonArray array ? [.. array] : new List<JsonNode?> { json };
            for (var i = 0; i < items.Count; i++)
            {
                var definition = items[i]!;
                var name = $"{group}/{Path.GetFileNameWithoutExtension(file)}#{i}";
                var expression = ReadExpression(definition, file, i)
                    ?? File.ReadAllText(Path.Combine(Path.GetDirectoryName(file)!, definition["expr-file"]!.GetValue<string>()));
                cases[name] = new JsonataSuiteCase(name, group, expression, Input(definition), Bindings(definition), definition);
            }
        }
        return cases;
    }

    /// <summary>The expression. One holding a lone surrogate (which System.Text.Json refuses to read as a string) is
    /// read from the file's text instead, its escapes decoded by hand.</summary>
    private static string? ReadExpression(JsonNode definition, string file, int index)
    {
        try
        {
            return definition["expr"]?.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            var matches = Regex.Matches(File.ReadAllText(file), "\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
            return Unescape(matches[index].Groups[1].Value);
        }
    }

    private static string Unescape(string json)
    {
        var builder = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\')
            {
                builder.Append(json[i]);
                continue;
            }
            var c = json[++i];
            switch (c)
            {
                case 'u':
                    builder.Append((char)Convert.ToInt32(json.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static JsonataValue Input(JsonNode definition)
    {
        var obj = definition.AsObject();
        if (obj.TryGetPropertyValue("data", out var data))
            return JsonataValue.Of(data?.DeepClone());
        if (obj.TryGetPropertyValue("dataset", out var dataset) && dataset is not null)
        {
            var path = Path.Combine(Folder!, "datasets", dataset.GetValue<string>() + ".json");
            return JsonataValue.Of(JsonNode.Parse(File.ReadAllText(path)));
        }
        return JsonataValue.Undefined;
    }

    private static Dictionary<string, JsonNode?> Bindings(JsonNode definition)
    {
        var bindings = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (definition["bindings"] is JsonObject obj)
        {
            foreach (var (name, value) in obj)
                bindings[name] = value?.DeepClone();
        }
        return bindings;
    }

    /// <summary>Runs a case: null when it passes, else what went wrong.</summary>
    public static string? Run(JsonataSuiteCase testCase)
    {
        var options = new JsonataEvaluationOptions
        {
            MaxDepth = testCase.Depth,
            // Only there to end runaway loops (the suite's U1001 cases); never asserted on.
            Timeout = testCase.TimeLimit is { } limit ? TimeSpan.FromMilliseconds(limit * 5) : null,
        };
        JsonataValue result;
        try
        {
            result = JsonataExpression.Compile(testCase.Expression).Evaluate(testCase.Input, testCase.Bindings, options);
        }
        catch (JsonataException error)
        {
            return error.Code == testCase.ExpectedCode ? null : $"threw {error.Code} ({error.Message}), expected {Expected(testCase)}";
        }
        if (testCase.ExpectedCode is not null)
            return $"returned {result}, expected error {testCase.ExpectedCode}";
        if (testCase.ExpectsUndefined)
            return result.IsUndefined ? null : $"returned {result}, expected undefined";
        if (result.IsUndefined)
            return $"returned undefined, expected {Expected(testCase)}";
        return Support.JsonComparer.AreEqual(result.Node, testCase.ExpectedResult) ? null : $"returned {result}, expected {Expected(testCase)}";
    }

    private static string Expected(JsonataSuiteCase testCase) =>
        testCase.ExpectedCode ?? (testCase.ExpectsUndefined ? "undefined" : testCase.ExpectedResult?.ToJsonString() ?? "null");
}
