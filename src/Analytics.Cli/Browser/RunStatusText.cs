namespace Analytics.Cli.Browser;

/// <summary>Reading and showing <see cref="RunStatus"/>: AWS's status words (DescribeExecution's <c>status</c>, as the
/// execution store keeps them) and the badge of each.</summary>
internal static class RunStatusText
{
    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED (as AWS spells them).</summary>
    public static RunStatus Parse(string awsStatus) => awsStatus switch
    {
        "RUNNING" => RunStatus.Running,
        "SUCCEEDED" => RunStatus.Succeeded,
        "FAILED" => RunStatus.Failed,
        "TIMED_OUT" => RunStatus.TimedOut,
        "ABORTED" => RunStatus.Aborted,
        _ => throw new ArgumentException($"Not an execution status: '{awsStatus}'.", nameof(awsStatus)),
    };

    public static string Label(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.TimedOut => "timed out",
        _ => "aborted",
    };

    /// <summary>A badge <c>&lt;span class="badge status-…"&gt;</c>.</summary>
    public static string Badge(RunStatus status) =>
        $"<span class=\"badge status-{Label(status).Replace(' ', '-')}\">{Label(status)}</span>";
}
