namespace StatesLanguage.Evaluation;

/// <summary>Final status of an execution, as DescribeExecution reports it.</summary>
public enum ExecutionStatus
{
    Succeeded,
    Failed,
    TimedOut,
}
