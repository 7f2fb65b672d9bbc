using System.Collections.Concurrent;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Server.Api;
using StatesLanguage.Server.Executions;
using StatesLanguage.Server.Persistence;
using StatesLanguage.Server.StateMachines;

namespace StatesLanguage.Server;

/// <summary>The AWS Step Functions API over the local engine, without HTTP: each operation takes the request body
/// and returns the response body in the shapes of the botocore service model, or throws a
/// <see cref="StepFunctionsException"/> with AWS's error code and message. Thread-safe. Call
/// <see cref="RecoverAsync"/> once before serving; dispose it (or call <see cref="ShutdownAsync"/>) to stop.</summary>
public sealed partial class StepFunctionsService : IAsyncDisposable
{
    private readonly StepFunctionsServiceOptions _options;
    private readonly Lock _registryLock = new();
    /// <summary>Each machine with its compiled form; null when a stored definition no longer passes validation (after
    /// an engine update): it is still listed and described, and starting it is InvalidDefinition.</summary>
    private readonly Dictionary<string, (StateMachineRecord Record, StateMachine? Machine)> _machines = new(StringComparer.Ordinal);
    private readonly Lock _executionsLock = new();
    private readonly ConcurrentDictionary<string, ExecutionEntry> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionEntry> _standardByMachineAndName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ExecutionEntry, byte> _running = new();
    private long _sequence;
    private volatile bool _stopping;

    public StepFunctionsService(StepFunctionsServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Operations = new OperationTable()
            .Register("CreateStateMachine", CreateStateMachineAsync)
            .Register("UpdateStateMachine", UpdateStateMachineAsync)
            .Register("DeleteStateMachine", DeleteStateMachineAsync)
            .Register("DescribeStateMachine", DescribeStateMachineAsync)
            .Register("ListStateMachines", ListStateMachinesAsync)
            .Register("StartExecution", StartExecutionAsync)
            .Register("StartSyncExecution", StartSyncExecutionAsync)
            .Register("StopExecution", StopExecutionAsync)
            .Register("DescribeExecution", DescribeExecutionAsync)
            .Register("ListExecutions", ListExecutionsAsync)
            .Register("GetExecutionHistory", GetExecutionHistoryAsync)
            .Register("TestState", TestStateAsync)
            .Register("ValidateStateMachineDefinition", ValidateDefinitionAsync);
    }

    /// <summary>The operations answered; the host may register more (<c>Operations.Register("TestState", ...)</c>).</summary>
    public OperationTable Operations { get; }

    /// <summary>Runs one operation (<c>CreateStateMachine</c>, ...).</summary>
    /// <exception cref="StepFunctionsException">AWS's error for the request (UnknownOperationException for an
    /// operation not in <see cref="Operations"/>).</exception>
    public Task<JsonObject> HandleAsync(string operation, JsonObject request, CancellationToken cancellationToken) =>
        Operations.InvokeAsync(operation, request, cancellationToken);

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Loads the stored state machines and executions. Every execution still RUNNING in the store (the service
    /// stopped while it ran) is recorded as FAILED with <see cref="StepFunctionsServiceOptions.ServiceStoppedError"/>
    /// and a cause saying so, and an ExecutionFailed event; none is dropped. Returns how many were so recovered.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        if (_options.StateMachines is { } machines)
        {
            foreach (var record in await machines.LoadAllAsync(cancellationToken))
            {
                StateMachine? machine;
                try
                {
                    machine = StateMachine.Parse(record.Definition);
                }
                catch (AslValidationException)
                {
                    machine = null;
                }
                lock (_registryLock)
                    _machines[record.Name] = (record, machine);
            }
        }
        if (_options.Executions is not { } executions)
            return 0;
        var recovered = 0;
        foreach (var stored in (await executions.LoadAllAsync(cancellationToken)).OrderBy(e => e.StartDate))
        {
            var state = stored;
            if (stored.Status == "RUNNING")
            {
                state = Interrupted(stored, "The Step Functions service stopped while the execution was running; it was marked failed when the service started again.");
                await executions.SaveAsync(state, cancellationToken);
                recovered++;
            }
            Index(new ExecutionEntry(state, Interlocked.Increment(ref _sequence)));
        }
        return recovered;
    }

    /// <summary>The execution as FAILED because the service stopped, with an ExecutionFailed event after its last.</summary>
    private StoredExecution Interrupted(StoredExecution running, string cause)
    {
        var now = Now;
        var lastId = running.Events.Count == 0 ? 0 : running.Events.Max(e => e.Id);
        var failed = new ExecutionEvent(lastId + 1, 0, now, "ExecutionFailed") { Error = StepFunctionsServiceOptions.ServiceStoppedError, Cause = cause };
        return running with
        {
            Status = "FAILED",
            StopDate = now,
            Error = StepFunctionsServiceOptions.ServiceStoppedError,
            Cause = cause,
            Events = [.. running.Events, failed],
        };
    }

    private void Index(ExecutionEntry entry)
    {
        lock (_executionsLock)
        {
            _executions[entry.Arn] = entry;
            if (!entry.IsExpress)
                _standardByMachineAndName[entry.StateMachineArn + "\n" + entry.Name] = entry;
        }
    }

    /// <summary>Stops accepting executions, cancels the running ones and waits until each is recorded as FAILED
    /// (<see cref="StepFunctionsServiceOptions.ServiceStoppedError"/>, the cause saying the service stopped).</summary>
    public async Task ShutdownAsync()
    {
        lock (_executionsLock)
            _stopping = true;
        while (!_running.IsEmpty)
        {
            var running = _running.Keys.ToList();
            foreach (var entry in running)
            {
                if (entry.Cancellation is { } cancellation)
                    await cancellation.CancelAsync();
            }
            if (running.All(e => e.Completion is not null))
                await Task.WhenAll(running.Select(e => e.Completion!));
            else
                await Task.Yield(); // a run is being launched: its Completion is set next
        }
    }

    public async ValueTask DisposeAsync() => await ShutdownAsync();
}
