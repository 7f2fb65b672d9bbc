namespace StatesLanguage.Errors;

/// <summary>Thrown by an <see cref="ITaskInvoker"/> when the task failed; the engine turns it into the state's error
/// (the name drives Retry and Catch matching).</summary>
public sealed class TaskFailedException : AslException
{
    public TaskFailedException(string error, string? cause, Exception? innerException = null)
        : base($"{error}: {cause}", innerException)
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }
}
