namespace Analytics.Cli.Workflows;

/// <summary>A local execution ended FAILED (or TIMED_OUT) with an error that is not an upload rejection.</summary>
internal sealed class WorkflowFailedException(string execution, string? error, string? cause)
    : Exception($"Execution {execution} failed: {error}{(cause is null ? "" : ": " + cause)}")
{
    public string Execution { get; } = execution;
    public string? Error { get; } = error;
    public string? Cause { get; } = cause;
}
