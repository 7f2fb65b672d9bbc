using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Server.Executions;

/// <summary>One history event as the service keeps it: made from the engine's <see cref="HistoryEvent"/> while the
/// execution runs, or read back from a stored execution. <see cref="ToStored"/> writes the field names of the CLI's
/// execution files (<c>id, previousEventId, timestamp, type, stateName, resource, index, input, output,
/// assignedVariables, error, cause</c>), so both read each other's files.</summary>
public sealed record ExecutionEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type)
{
    public string? StateName { get; init; }

    public string? Resource { get; init; }

    public int? Index { get; init; }

    public int? Length { get; init; }

    /// <summary>The event's input, when it has one (a reference: never change it).</summary>
    public JsonNode? Input { get; init; }

    public bool HasInput { get; init; }

    public JsonNode? Output { get; init; }

    public bool HasOutput { get; init; }

    public IReadOnlyDictionary<string, string>? AssignedVariables { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public static ExecutionEvent FromHistory(HistoryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var type = e.Type.ToString();
        var input = e.Input;
        var output = e.Output;
        return new ExecutionEvent(e.Id, e.PreviousEventId, e.Timestamp, type)
        {
            StateName = e.StateName,
            Resource = e.Resource,
            Index = e.Index,
            Length = e.Length,
            Input = input,
            HasInput = input is not null || HasInputMember(type),
            Output = output,
            HasOutput = output is not null || HasOutputMember(type),
            AssignedVariables = e.AssignedVariables,
            Error = e.Error,
            Cause = e.Cause,
        };
    }

    /// <summary>Types whose AWS details carry an input even when it is JSON null.</summary>
    private static bool HasInputMember(string type) =>
        type.EndsWith("StateEntered", StringComparison.Ordinal) || type is "ExecutionStarted" or "TaskScheduled" or "LambdaFunctionScheduled";

    /// <summary>Types whose AWS details carry an output even when it is JSON null.</summary>
    private static bool HasOutputMember(string type) =>
        type.EndsWith("StateExited", StringComparison.Ordinal) || type is "ExecutionSucceeded" or "TaskSucceeded" or "LambdaFunctionSucceeded";

    public JsonObject ToStored()
    {
        var node = new JsonObject
        {
            ["id"] = Id,
            ["previousEventId"] = PreviousEventId,
            ["timestamp"] = Timestamp.ToString("O", CultureInfo.InvariantCulture),
            ["type"] = Type,
        };
        if (StateName is not null)
            node["stateName"] = StateName;
        if (Resource is not null)
            node["resource"] = Resource;
        if (Index is int index)
            node["index"] = index;
        if (Length is int length)
            node["length"] = length;
        if (HasInput)
            node["input"] = Input?.DeepClone();
        if (HasOutput)
            node["output"] = Output?.DeepClone();
        if (AssignedVariables is { } assigned)
        {
            var variables = new JsonObject();
            foreach (var (name, value) in assigned)
                variables[name] = value;
            node["assignedVariables"] = variables;
            node["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
        }
        if (Error is not null)
            node["error"] = Error;
        if (Cause is not null)
            node["cause"] = Cause;
        return node;
    }

    /// <summary>Reads an event written by <see cref="ToStored"/> (or by the CLI's execution store).</summary>
    public static ExecutionEvent FromStored(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Dictionary<string, string>? assigned = null;
        if (node["assignedVariables"] is JsonObject variables)
            assigned = variables.ToDictionary(v => v.Key, v => v.Value?.GetValue<string>() ?? "null", StringComparer.Ordinal);
        return new ExecutionEvent(
            node["id"]?.GetValue<long>() ?? 0,
            node["previousEventId"]?.GetValue<long>() ?? 0,
            DateTimeOffset.Parse(node["timestamp"]?.GetValue<string>() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            node["type"]?.GetValue<string>() ?? "")
        {
            StateName = (string?)node["stateName"],
            Resource = (string?)node["resource"],
            Index = (int?)node["index"],
            Length = (int?)node["length"],
            Input = node["input"],
            HasInput = node.ContainsKey("input"),
            Output = node["output"],
            HasOutput = node.ContainsKey("output"),
            AssignedVariables = assigned,
            Error = (string?)node["error"],
            Cause = (string?)node["cause"],
        };
    }
}
