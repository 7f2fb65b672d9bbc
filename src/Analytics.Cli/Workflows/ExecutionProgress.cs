using StatesLanguage.Evaluation.History;

namespace Analytics.Cli.Workflows;

/// <summary>Turns history events into short progress lines: which state runs, which task failed and is retried.</summary>
internal static class ExecutionProgress
{
    /// <summary>A line for the events worth showing live, or null.</summary>
    public static string? Describe(HistoryEvent e) => e.Type switch
    {
        HistoryEventType.TaskStateEntered or HistoryEventType.PassStateEntered or HistoryEventType.ChoiceStateEntered
            or HistoryEventType.WaitStateEntered or HistoryEventType.ParallelStateEntered or HistoryEventType.MapStateEntered
            or HistoryEventType.SucceedStateEntered or HistoryEventType.FailStateEntered => $"▸ {e.StateName}",
        HistoryEventType.TaskFailed or HistoryEventType.LambdaFunctionFailed => $"  ✗ {e.Error}",
        HistoryEventType.ExecutionSucceeded => "✓ SUCCEEDED",
        HistoryEventType.ExecutionFailed => $"✗ FAILED {e.Error}",
        HistoryEventType.ExecutionTimedOut => "✗ TIMED_OUT",
        _ => null,
    };

    /// <summary>An event observer that writes <see cref="Describe"/> lines, each prefixed with <paramref name="label"/>.</summary>
    public static Action<HistoryEvent> WriteTo(Action<string> write, string label) => e =>
    {
        if (Describe(e) is { } line)
        {
            write($"{label}: {line}");
        }
    };
}
