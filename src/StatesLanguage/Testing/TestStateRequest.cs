namespace StatesLanguage.Testing;

/// <summary>
/// AWS's TestState request, as its JSON members arrive (JSON values as text). <see cref="Definition"/> is one state
/// (a state object such as <c>{"Type":"Pass","End":true}</c>) or, with <see cref="StateName"/>, a whole state machine
/// whose state of that name (at any depth) is tested.
/// </summary>
public sealed class TestStateRequest
{
    public required string Definition { get; init; }

    /// <summary>The state to test in a whole machine <see cref="Definition"/>; null for a single-state definition.</summary>
    public string? StateName { get; init; }

    /// <summary>The state's input as JSON; null for <c>{}</c>.</summary>
    public string? Input { get; init; }

    /// <summary><c>INFO</c> (the default: status, output, error, next state), <c>DEBUG</c> (and the data flow's stages in
    /// <see cref="TestStateResult.InspectionData"/>) or <c>TRACE</c> (as DEBUG: this engine makes no HTTP Task requests
    /// to show).</summary>
    public string? InspectionLevel { get; init; }

    /// <summary>A JSON object of the workflow variables in scope (name → value); null for none.</summary>
    public string? Variables { get; init; }

    /// <summary>A JSON object used as the context object (<c>$$</c>, <c>$states.context</c>); only with a
    /// <see cref="Mock"/>, as on AWS.</summary>
    public string? Context { get; init; }

    /// <summary>The result or error of the state's work, used instead of running it (Task, Map, Parallel).</summary>
    public TestStateMock? Mock { get; init; }

    /// <summary>TestState's <c>stateConfiguration.retrierRetryCount</c>: the retries already made, which decide
    /// whether a matching retrier has attempts left.</summary>
    public int? RetrierRetryCount { get; init; }

    /// <summary>The execution role (<c>$$.Execution.RoleArn</c>). Required, as on AWS, to test a Task state without a
    /// mock; otherwise null gives the engine's default.</summary>
    public string? RoleArn { get; init; }
}

/// <summary>TestState's <c>mock</c>: a <see cref="Result"/> (JSON text) or an <see cref="ErrorOutput"/>, not both.</summary>
public sealed record TestStateMock(string? Result = null, TestStateMockError? ErrorOutput = null);

/// <summary>TestState's <c>mock.errorOutput</c>: the error the state's work fails with.</summary>
public sealed record TestStateMockError(string Error, string? Cause = null);
