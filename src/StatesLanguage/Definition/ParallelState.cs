namespace StatesLanguage.Definition;

/// <summary>Parallel: runs every branch on the same input; the result is the array of branch outputs in order.</summary>
public sealed record ParallelState(string Name, IReadOnlyList<StateMachineDefinition> Branches) : StateDefinition(Name)
{
    public override string Type => "Parallel";

    public ResultHandling Data { get; init; } = ResultHandling.Default;

    public ErrorHandling Errors { get; init; } = ErrorHandling.None;
}
