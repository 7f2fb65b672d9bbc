namespace Analytics.Cli.Browser;

/// <summary>One analysed day on the home page: its headline (the report's subject, say), how its latest analysis
/// stands and which execution it was; <see cref="Stale"/> when a correction came after it.</summary>
internal sealed record DaySummary(DateOnly Date, string? Headline, RunStatus Status)
{
    public string? ExecutionName { get; init; }

    /// <summary>Whether the day has an HTML report to link to.</summary>
    public bool HasReport { get; init; }

    public StaleMark? Stale { get; init; }
}
