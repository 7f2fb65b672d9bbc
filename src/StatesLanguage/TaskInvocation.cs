using StatesLanguage.Evaluation;

namespace StatesLanguage;

/// <summary>One attempt of a Task state: its resource ARN, state name and effective parameters (after InputPath and
/// Parameters, or a JSONata state's Arguments). <see cref="Attempt"/> counts from 0 and includes retries. Timeouts are
/// in seconds.</summary>
public sealed record TaskInvocation
{
    private readonly StateData _parameters;

    public TaskInvocation(string resource, string stateName, JsonNode? parameters)
        : this(resource, stateName, StateData.FromJson(parameters))
    {
    }

    /// <summary>A JSONata state's Arguments stay in the evaluator's form until <see cref="Parameters"/> is read: an
    /// invoker that never reads them (or that writes them out itself) costs no JSON conversion.</summary>
    internal TaskInvocation(string resource, string stateName, StateData parameters)
    {
        Resource = resource;
        StateName = stateName;
        _parameters = parameters;
    }

    public string Resource { get; }

    public string StateName { get; }

    /// <summary>The effective parameters as JSON, made on first read and the same node after; shared with the history:
    /// read them, or copy them to change them.</summary>
    public JsonNode? Parameters => _parameters.Json;

    public int Attempt { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? HeartbeatSeconds { get; init; }

    /// <summary>The state machine's name, for invokers (such as the mock one) that key on it.</summary>
    public string StateMachineName { get; init; } = "";

    public string ExecutionName { get; init; } = "";

    /// <summary>Set for <c>.waitForTaskToken</c> resources.</summary>
    public string? TaskToken { get; init; }
}
