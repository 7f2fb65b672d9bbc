namespace StatesLanguage.Server.Console;

/// <summary>How a state fared in one execution, as the console colours it. Declared in increasing precedence: a
/// state entered several times (a loop, Map iterations) shows its most severe outcome.</summary>
public enum StateRunOutcome
{
    /// <summary>Never entered.</summary>
    NotRun,

    /// <summary>Exited without an error left over (retried errors that then succeeded count as succeeded).</summary>
    Succeeded,

    /// <summary>Still open when the execution ended because something else failed (a sibling branch, say).</summary>
    Aborted,

    /// <summary>Failed, and a Catch of the state took the execution on.</summary>
    Caught,

    /// <summary>Entered and not yet exited in an execution that has not ended.</summary>
    InProgress,

    /// <summary>A Fail state, or a state whose error was not caught.</summary>
    Failed,
}
