using StatesLanguage.Server.Executions;

namespace StatesLanguage.Server.Persistence;

/// <summary>One execution as it is stored: the top-level fields of the CLI's execution files (<c>executionArn, name,
/// stateMachine, status, startDate, stopDate, input, output, error, cause, events</c>), plus <c>stateMachineArn</c>,
/// <c>type</c> and <c>roleArn</c>. Dates are ISO 8601 with offset; input and output are JSON values.</summary>
public sealed record StoredExecution
{
    public required string ExecutionArn { get; init; }

    public required string Name { get; init; }

    /// <summary>The state machine's name.</summary>
    public required string StateMachine { get; init; }

    public required string StateMachineArn { get; init; }

    /// <summary>STANDARD or EXPRESS.</summary>
    public required string Type { get; init; }

    public required string RoleArn { get; init; }

    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public JsonNode? Input { get; init; }

    public JsonNode? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public IReadOnlyList<ExecutionEvent> Events { get; init; } = [];

    public JsonObject ToJson() => new()
    {
        ["executionArn"] = ExecutionArn,
        ["name"] = Name,
        ["stateMachine"] = StateMachine,
        ["stateMachineArn"] = StateMachineArn,
        ["type"] = Type,
        ["roleArn"] = RoleArn,
        ["status"] = Status,
        ["startDate"] = StartDate.ToString("O", CultureInfo.InvariantCulture),
        ["stopDate"] = StopDate?.ToString("O", CultureInfo.InvariantCulture),
        ["input"] = Input?.DeepClone(),
        ["output"] = Output?.DeepClone(),
        ["error"] = Error,
        ["cause"] = Cause,
        ["events"] = new JsonArray([.. Events.Select(e => e.ToStored())]),
    };

    /// <exception cref="FormatException">A required field is missing or malformed.</exception>
    public static StoredExecution FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string Required(string name) => (string?)json[name] ?? throw new FormatException($"The stored execution has no '{name}'.");
        DateTimeOffset? Date(string name) => (string?)json[name] is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
        var arn = Required("executionArn");
        return new StoredExecution
        {
            ExecutionArn = arn,
            Name = Required("name"),
            StateMachine = Required("stateMachine"),
            StateMachineArn = (string?)json["stateMachineArn"] ?? "",
            Type = (string?)json["type"] ?? (arn.Contains(":express:", StringComparison.Ordinal) ? "EXPRESS" : "STANDARD"),
            RoleArn = (string?)json["roleArn"] ?? "",
            Status = Required("status"),
            StartDate = Date("startDate") ?? throw new FormatException("The stored execution has no 'startDate'."),
            StopDate = Date("stopDate"),
            Input = json["input"]?.DeepClone(),
            Output = json["output"]?.DeepClone(),
            Error = (string?)json["error"],
            Cause = (string?)json["cause"],
            Events = json["events"] is JsonArray events ? [.. events.OfType<JsonObject>().Select(ExecutionEvent.FromStored)] : [],
        };
    }
}
