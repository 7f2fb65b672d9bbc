using StatesLanguage.Server.Persistence;

namespace StatesLanguage.Server;

/// <summary>How the host sets up a <see cref="StepFunctionsService"/>.</summary>
public sealed class StepFunctionsServiceOptions
{
    /// <summary>The region of every ARN the service makes.</summary>
    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>Called once per execution for the invoker of its Task states; null fails a reached Task state.</summary>
    public Func<ITaskInvoker>? TaskInvokerFactory { get; init; }

    /// <summary>A Step Functions Local mock configuration (<c>MockConfigInvoker.ParseConfig</c>): a StartExecution
    /// or StartSyncExecution on <c>&lt;stateMachineArn&gt;#&lt;TestCase&gt;</c> runs with its test case.</summary>
    public JsonNode? MockConfig { get; init; }

    /// <summary>Keeps state machines across restarts; null keeps them in memory only.</summary>
    public IStateMachineRepository? StateMachines { get; init; }

    /// <summary>Keeps executions across restarts; null keeps them in memory only.</summary>
    public IExecutionRepository? Executions { get; init; }

    /// <summary>The clock of dates and of the executions' waits and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Wait states and retry intervals pass at once (see <c>ExecutionOptions.InstantWaits</c>).</summary>
    public bool InstantWaits { get; init; }

    /// <summary>The error of an execution that was running when the service stopped.</summary>
    public const string ServiceStoppedError = "ServiceStopped";
}
