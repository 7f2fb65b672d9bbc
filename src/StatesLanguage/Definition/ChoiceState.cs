namespace StatesLanguage.Definition;

/// <summary>Choice: the first matching rule's Next, else <see cref="Default"/>, else States.NoChoiceMatched.</summary>
public sealed record ChoiceState(string Name, IReadOnlyList<ChoiceBranch> Choices) : StateDefinition(Name)
{
    public override string Type => "Choice";

    public string? Default { get; init; }
}
