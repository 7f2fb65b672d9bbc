namespace StatesLanguage.Errors;

/// <summary>A runtime error raised while a state runs; Retry and Catch match on <see cref="StatesError.Name"/>.</summary>
public sealed class StatesErrorException : AslException
{
    public StatesErrorException(string? name, string? cause, Exception? innerException = null)
        : base($"{name}: {cause}", innerException)
    {
        Error = new StatesError(name, cause);
    }

    public StatesError Error { get; }
}
