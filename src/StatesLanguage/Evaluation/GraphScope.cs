namespace StatesLanguage.Evaluation;

/// <summary>Where a sequence of states runs: the whole machine, one Parallel branch or one Map iteration, with its
/// variables and, inside a Map, the current item.</summary>
internal sealed class GraphScope(ExecutionRun execution, VariableScope variables)
{
    public ExecutionRun Execution { get; } = execution;

    public VariableScope Variables { get; } = variables;

    public int MapItemIndex { get; init; } = -1;

    public JsonNode? MapItemValue { get; init; }
}
