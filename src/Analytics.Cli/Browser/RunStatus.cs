namespace Analytics.Cli.Browser;

/// <summary>How an execution (or a day's latest analysis) stands.</summary>
internal enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}
