namespace StatesLanguage.Definition;

/// <summary>Retry and Catch of a Task, Parallel or Map state, in definition order.</summary>
public sealed record ErrorHandling(IReadOnlyList<Retrier> Retry, IReadOnlyList<Catcher> Catch)
{
    public static readonly ErrorHandling None = new([], []);
}
