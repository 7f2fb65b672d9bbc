namespace StatesLanguage.Evaluation;

/// <summary>Where a sequence of states runs: the whole machine, one Parallel branch or one Map iteration, with its
/// variables.</summary>
internal sealed class GraphScope(ExecutionRun execution, VariableScope variables)
{
    public ExecutionRun Execution { get; } = execution;

    public VariableScope Variables { get; } = variables;

    /// <summary>The last history event of this graph's chain (0 before the first).</summary>
    public long LastEventId { get; set; }
}
