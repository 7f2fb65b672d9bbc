using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Evaluation;

/// <summary>The outcome of an execution: status, output (when it succeeded) or error and cause (either may be absent
/// on failure, as with a Fail state that sets neither), and the full history.</summary>
public sealed record ExecutionResult(ExecutionStatus Status, ExecutionHistory History)
{
    public JsonNode? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public required string ExecutionArn { get; init; }

    /// <summary>The status as AWS spells it: SUCCEEDED, FAILED or TIMED_OUT.</summary>
    public string StatusText => Status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        _ => "TIMED_OUT",
    };
}
