namespace Analytics.Cli.Browser;

/// <summary>One execution in the executions list; <see cref="Stop"/> is null while it runs.</summary>
internal sealed record ExecutionSummary(string Name, string StateMachine, RunStatus Status, DateTimeOffset? Start, DateTimeOffset? Stop)
{
    /// <summary>The business date a daily analysis was for (links to the day's page).</summary>
    public DateOnly? Day { get; init; }

    public StaleMark? Stale { get; init; }
}
