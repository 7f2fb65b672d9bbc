using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;

namespace Analytics.Cli.Workflows;

/// <summary>
/// Keeps every local execution, as <c>GetExecutionHistory</c> would show it, in
/// <c>&lt;data&gt;/executions/&lt;execution name&gt;.json</c>: the execution's summary and all its history events.
/// </summary>
internal sealed class ExecutionStore(string directory)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public string Directory { get; } = directory;

    public async Task SaveAsync(string stateMachine, string executionName, JsonNode? input, ExecutionResult result, CancellationToken cancellationToken)
    {
        var events = result.History.Events;
        var document = new JsonObject
        {
            ["executionArn"] = result.ExecutionArn,
            ["name"] = executionName,
            ["stateMachine"] = stateMachine,
            ["status"] = result.StatusText,
            ["startDate"] = events.Count > 0 ? events[0].Timestamp.ToString("O", CultureInfo.InvariantCulture) : null,
            ["stopDate"] = events.Count > 0 ? events[^1].Timestamp.ToString("O", CultureInfo.InvariantCulture) : null,
            ["input"] = input?.DeepClone(),
            ["output"] = result.Output?.DeepClone(),
            ["error"] = result.Error,
            ["cause"] = result.Cause,
            ["events"] = new JsonArray([.. events.Select(Event)]),
        };
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(PathOf(executionName), document.ToJsonString(s_indented), cancellationToken);
    }

    /// <summary>Every stored execution's summary (no events, input or output), newest first.</summary>
    public IReadOnlyList<JsonObject> List() =>
    [
        .. ReadAll().Select(execution => { execution.Remove("events"); execution.Remove("input"); execution.Remove("output"); return execution; }),
    ];

    /// <summary>Every stored execution whole (events, input and output), newest first: each file is read once.</summary>
    public IReadOnlyList<JsonObject> ReadAll() => !System.IO.Directory.Exists(Directory)
        ? []
        :
        [
            .. System.IO.Directory.EnumerateFiles(Directory, "*.json")
                .Select(path => JsonNode.Parse(File.ReadAllText(path))!.AsObject())
                .OrderByDescending(execution => (string?)execution["startDate"], StringComparer.Ordinal),
        ];

    /// <summary>One stored execution with its events, or null.</summary>
    /// <remarks>Also finds the executions <c>analytics serve</c> stores, named <c>&lt;machine&gt;~&lt;name&gt;.json</c>.</remarks>
    public JsonObject? Find(string executionName)
    {
        var path = PathOf(executionName);
        if (!File.Exists(path))
        {
            path = System.IO.Directory.Exists(Directory)
                ? System.IO.Directory.EnumerateFiles(Directory, "*~" + Path.GetFileName(path)).FirstOrDefault() ?? path
                : path;
        }

        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;
    }

    private string PathOf(string executionName) =>
        Path.Combine(Directory, (executionName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || executionName.Contains("..", StringComparison.Ordinal)
            ? throw new ArgumentException($"Not an execution name: '{executionName}'.", nameof(executionName))
            : executionName) + ".json");

    private static JsonObject Event(HistoryEvent e)
    {
        var node = new JsonObject
        {
            ["id"] = e.Id,
            ["previousEventId"] = e.PreviousEventId,
            ["timestamp"] = e.Timestamp.ToString("O", CultureInfo.InvariantCulture),
            ["type"] = e.Type.ToString(),
        };
        Add(node, "stateName", e.StateName);
        Add(node, "resource", e.Resource);
        if (e.Index is int index)
        {
            node["index"] = index;
        }

        if (e.Input is not null)
        {
            node["input"] = e.Input.DeepClone();
        }

        if (e.Output is not null)
        {
            node["output"] = e.Output.DeepClone();
        }

        if (e.AssignedVariables is { } assigned)
        {
            var variables = new JsonObject();
            foreach (var (name, value) in assigned)
            {
                variables[name] = value;
            }

            node["assignedVariables"] = variables;
            node["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
        }

        Add(node, "error", e.Error);
        Add(node, "cause", e.Cause);
        return node;
    }

    private static void Add(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
