namespace StatesLanguage.Testing;

/// <summary>The statuses of a TestState result (AWS's TestExecutionStatus).</summary>
public static class TestExecutionStatus
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    /// <summary>The state failed with an error a retrier would retry (the state is not retried).</summary>
    public const string Retriable = "RETRIABLE";
    /// <summary>The state failed and a catcher handled the error: the output is the catcher's, the next state its Next.</summary>
    public const string CaughtError = "CAUGHT_ERROR";
}

/// <summary>AWS's TestState output. JSON values (<see cref="Output"/>, the inspection data) are JSON text, as in the
/// API.</summary>
public sealed record TestStateResult(string Status)
{
    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>The state to go to: Next, the matching Choice rule's or Default, the catcher's Next; null at an end or
    /// after a failure.</summary>
    public string? NextState { get; init; }

    /// <summary>Only at inspection level DEBUG or TRACE.</summary>
    public TestStateInspectionData? InspectionData { get; init; }
}

/// <summary>AWS's InspectionData: the stages the state's data went through (JSON text), null where the state has no
/// such stage or its query language does not (JSONPath: InputPath, Parameters, ResultSelector, ResultPath; JSONata:
/// Arguments).</summary>
public sealed record TestStateInspectionData
{
    /// <summary>The raw state input.</summary>
    public string? Input { get; init; }

    public string? AfterArguments { get; init; }

    public string? AfterInputPath { get; init; }

    public string? AfterParameters { get; init; }

    /// <summary>The state's raw result (Task, Parallel, Map; a Pass state's Result).</summary>
    public string? Result { get; init; }

    public string? AfterResultSelector { get; init; }

    public string? AfterResultPath { get; init; }

    /// <summary>The variables after the state: those given, then those the state assigned (a JSON object); null when
    /// there are none.</summary>
    public string? Variables { get; init; }

    public TestStateErrorDetails? ErrorDetails { get; init; }

    public string? AfterItemsPath { get; init; }

    public int? MaxConcurrency { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public double? ToleratedFailurePercentage { get; init; }
}

/// <summary>AWS's InspectionErrorDetails: which Catch handled the error, or which Retry matched it and the backoff
/// before the next attempt.</summary>
public sealed record TestStateErrorDetails(int? CatchIndex, int? RetryIndex, int? RetryBackoffIntervalSeconds);
