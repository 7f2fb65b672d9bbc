namespace StatesLanguage.Evaluation;

/// <summary>What a state produced: its output and the next state's name (null when the graph ends here).</summary>
internal readonly record struct StateOutcome(StateData Output, string? Next);
