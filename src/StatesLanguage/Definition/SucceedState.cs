namespace StatesLanguage.Definition;

/// <summary>Succeed: ends the machine (or branch, or iteration) successfully with its output.</summary>
public sealed record SucceedState(string Name) : StateDefinition(Name)
{
    public override string Type => "Succeed";
}
