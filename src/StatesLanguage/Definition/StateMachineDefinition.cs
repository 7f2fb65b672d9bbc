namespace StatesLanguage.Definition;

/// <summary>A state machine, a Parallel branch or a Map item processor: where to start and its states, in
/// definition order.</summary>
public sealed record StateMachineDefinition(string StartAt, IReadOnlyDictionary<string, StateDefinition> States)
{
    public string? Comment { get; init; }

    /// <summary>Execution time limit in seconds (top level only); null for none.</summary>
    public int? TimeoutSeconds { get; init; }
}
