namespace StatesLanguage.Evaluation;

/// <summary>How to run one execution. Waits, retry delays and timeouts all go through <see cref="TimeProvider"/>.</summary>
public sealed class ExecutionOptions
{
    /// <summary>Required when the machine has Task states that are reached.</summary>
    public ITaskInvoker? TaskInvoker { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Defaults to a new GUID.</summary>
    public string? ExecutionName { get; init; }

    public string StateMachineName { get; init; } = "StateMachine";

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    public string RoleArn { get; init; } = "arn:aws:iam::123456789012:role/StepFunctionsRole";

    /// <summary>Wait states and retry intervals pass at once, while the execution's clock moves on by what was
    /// skipped (so timestamps read as if the waits happened). Task and execution timeouts still run on
    /// <see cref="TimeProvider"/>.</summary>
    public bool InstantWaits { get; init; }

    /// <summary>Called with each history event as it is recorded (for live progress). It runs on the execution's own
    /// threads, possibly concurrently from Parallel branches and Map iterations, so it must be thread-safe and quick.</summary>
    public Action<History.HistoryEvent>? OnEvent { get; init; }

    /// <summary>Source of retry jitter; defaults to <see cref="Random.Shared"/>.</summary>
    public Random? Random { get; init; }
}
