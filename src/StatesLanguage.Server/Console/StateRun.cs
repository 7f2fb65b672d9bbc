namespace StatesLanguage.Server.Console;

/// <summary>One entry into a state: from its <c>…StateEntered</c> event to its <c>…StateExited</c> (null while open or
/// when it never exited, as a Fail state). <see cref="Error"/> and <see cref="Cause"/> are the error the state ended
/// with (caught or not); <see cref="FailedAttempts"/> counts task or branch failures, retried ones included.</summary>
public sealed record StateRun(string StateName, string StateType, DateTimeOffset Entered)
{
    public DateTimeOffset? Exited { get; init; }

    public StateRunOutcome Outcome { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public int FailedAttempts { get; init; }

    public JsonNode? Input { get; init; }

    public JsonNode? Output { get; init; }

    /// <summary>Time from entry to exit; null while the state has not exited.</summary>
    public TimeSpan? Duration => Exited - Entered;
}
