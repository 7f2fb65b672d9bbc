namespace StatesLanguage;

/// <summary>One attempt of a Task state: its resource ARN, state name and effective parameters (after InputPath and
/// Parameters). <see cref="Attempt"/> counts from 0 and includes retries. Timeouts are in seconds.</summary>
public sealed record TaskInvocation(string Resource, string StateName, JsonNode? Parameters)
{
    public int Attempt { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? HeartbeatSeconds { get; init; }

    /// <summary>The state machine's name, for invokers (such as the mock one) that key on it.</summary>
    public string StateMachineName { get; init; } = "";

    public string ExecutionName { get; init; } = "";

    /// <summary>Set for <c>.waitForTaskToken</c> resources.</summary>
    public string? TaskToken { get; init; }
}
