using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace StatesLanguage.Server.Tests;

/// <summary>The Step Functions service model of the botocore installed on this machine (the AWS CLI's), to check
/// responses against the operations' output shapes: required members present, member types right, no member the
/// shape does not have.</summary>
internal sealed class BotocoreModel
{
    private readonly JsonObject _shapes;
    private readonly JsonObject _operations;

    private BotocoreModel(JsonObject model)
    {
        _shapes = model["shapes"]!.AsObject();
        _operations = model["operations"]!.AsObject();
    }

    /// <summary>The model, or null with <see cref="SkipReason"/> saying what is missing.</summary>
    public static BotocoreModel? Instance { get; } = Load(out _skipReason);

    private static readonly string? _skipReason;

    public static string? SkipReason => _skipReason;

    private static BotocoreModel? Load(out string? skipReason)
    {
        string? directory;
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import botocore, os; print(os.path.dirname(botocore.__file__))");
            using var process = Process.Start(start)!;
            directory = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode != 0)
                directory = null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            directory = null;
        }
        var models = directory is null ? null : Path.Combine(directory, "data", "stepfunctions");
        var file = models is null || !Directory.Exists(models) ? null
            : Directory.EnumerateFiles(models, "service-2.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault();
        if (file is null)
        {
            skipReason = "botocore (python3 -m pip install botocore, or the AWS CLI) is not installed; the response shapes were not checked.";
            return null;
        }
        using var stream = File.OpenRead(file);
        using var text = file.EndsWith(".gz", StringComparison.Ordinal) ? (Stream)new GZipStream(stream, CompressionMode.Decompress) : stream;
        skipReason = null;
        return new BotocoreModel(JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>The error codes the operation declares.</summary>
    public IReadOnlyCollection<string> Errors(string operation) =>
        [.. (_operations[operation]?["errors"]?.AsArray() ?? []).Select(e => (string)e!["shape"]!)];

    /// <summary>Every way the response differs from the operation's output shape (empty when it conforms).</summary>
    public List<string> Check(string operation, JsonNode response)
    {
        var problems = new List<string>();
        var shape = (string?)_operations[operation]?["output"]?["shape"];
        if (shape is null)
            problems.Add($"The model has no operation {operation}.");
        else
            Check(shape, response, operation, problems);
        return problems;
    }

    private void Check(string shapeName, JsonNode? value, string path, List<string> problems)
    {
        var shape = _shapes[shapeName]!.AsObject();
        var type = (string)shape["type"]!;
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (type)
        {
            case "structure" when value is JsonObject structure:
                foreach (var required in shape["required"]?.AsArray() ?? [])
                {
                    if (!structure.ContainsKey((string)required!))
                        problems.Add($"{path}: the required member '{required}' is missing.");
                }
                var members = shape["members"]!.AsObject();
                foreach (var (name, member) in structure)
                {
                    if (members[name] is { } declared)
                        Check((string)declared["shape"]!, member, $"{path}.{name}", problems);
                    else
                        problems.Add($"{path}: the member '{name}' is not in {shapeName}.");
                }
                break;
            case "list" when value is JsonArray list:
                for (var i = 0; i < list.Count; i++)
                    Check((string)shape["member"]!["shape"]!, list[i], $"{path}[{i}]", problems);
                break;
            case "map" when value is JsonObject map:
                foreach (var (key, item) in map)
                    Check((string)shape["value"]!["shape"]!, item, $"{path}.{key}", problems);
                break;
            case "string" when kind == JsonValueKind.String:
                var text = value!.GetValue<string>();
                if (shape["enum"] is JsonArray values && !values.Any(v => (string?)v == text))
                    problems.Add($"{path}: '{text}' is not one of {values.ToJsonString()}.");
                if (shape["min"] is { } min && text.Length < (int)min)
                    problems.Add($"{path}: shorter than {min}.");
                if (shape["max"] is { } max && text.Length > (int)max)
                    problems.Add($"{path}: longer than {max}.");
                break;
            case "integer" or "long" when kind == JsonValueKind.Number && value!.AsValue().TryGetValue<long>(out _):
            case "timestamp" when kind == JsonValueKind.Number:
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            default:
                problems.Add($"{path}: a {kind} where {shapeName} is a {type}.");
                break;
        }
    }
}

/// <summary>A fact that needs botocore's service model; skipped, saying so, where it is missing.</summary>
internal sealed class BotocoreFactAttribute : FactAttribute
{
    public BotocoreFactAttribute()
    {
        if (BotocoreModel.Instance is null)
            Skip = BotocoreModel.SkipReason;
    }
}
