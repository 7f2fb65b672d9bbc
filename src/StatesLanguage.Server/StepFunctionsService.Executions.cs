using System.Text.Json;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.Tasks;
using StatesLanguage.Server.Api;
using StatesLanguage.Server.Executions;
using StatesLanguage.Server.Persistence;
using StatesLanguage.Server.StateMachines;

namespace StatesLanguage.Server;

public sealed partial class StepFunctionsService
{
    private sealed record StartRequest(StateMachineRecord Record, StateMachine Machine, string Name, JsonNode? Input, string? TestCase);

    /// <summary>Reads and checks a StartExecution or StartSyncExecution request.</summary>
    private StartRequest ReadStart(JsonObject request)
    {
        var reader = new RequestReader(request);
        var arn = reader.RequiredString("stateMachineArn", 1, 256);
        var name = reader.OptionalString("name", 1, 80);
        var inputText = reader.OptionalString("input", 0, 262144);
        reader.OptionalString("traceHeader", 0, 256);
        reader.OptionalEnum("includedData", "ALL_DATA", "METADATA_ONLY");
        reader.ThrowIfInvalid();
        var hash = arn.IndexOf('#', StringComparison.Ordinal);
        var testCase = hash < 0 ? null : arn[(hash + 1)..];
        var (record, compiled) = FindMachine(hash < 0 ? arn : arn[..hash]);
        var machine = compiled ?? StateMachineDefinitions.Compile(record.Definition, record.Type); // throws the definition's InvalidDefinition
        if (name is not null)
            ResourceName.Check(name);
        if (testCase is not null)
            CheckTestCase(record.Name, testCase);
        return new StartRequest(record, machine, name ?? Guid.NewGuid().ToString(), ParseInput(inputText), testCase);
    }

    /// <summary>The execution input; absent means <c>{}</c>.</summary>
    /// <exception cref="StepFunctionsException">InvalidExecutionInput.</exception>
    private static JsonNode? ParseInput(string? text)
    {
        if (text is null)
            return new JsonObject();
        if (string.IsNullOrWhiteSpace(text))
            throw StepFunctionsErrors.InvalidExecutionInput("Invalid execution input.");
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw StepFunctionsErrors.InvalidExecutionInput(ex.Message);
        }
    }

    /// <exception cref="StepFunctionsException">InvalidName: no mock configuration, or no such test case for the machine.</exception>
    private void CheckTestCase(string machineName, string testCase)
    {
        if (_options.MockConfig is null)
            throw new StepFunctionsException("InvalidName", $"Test case '{testCase}' was asked for, but the service has no mock configuration.");
        if (_options.MockConfig["StateMachines"]?[machineName]?["TestCases"]?[testCase] is not JsonObject)
            throw new StepFunctionsException("InvalidName", $"The mock configuration has no test case '{testCase}' for state machine '{machineName}'.");
    }

    private ITaskInvoker? Invoker(string machineName, string? testCase)
    {
        var host = _options.TaskInvokerFactory?.Invoke();
        return testCase is null ? host : new MockConfigInvoker(_options.MockConfig!, machineName, testCase, host);
    }

    private ExecutionOptions EngineOptions(StartRequest start, ExecutionEntry entry, string roleArn) => new()
    {
        ExecutionName = start.Name,
        StateMachineName = start.Record.Name,
        Region = _options.Region,
        AccountId = _options.AccountId,
        RoleArn = roleArn,
        TaskInvoker = Invoker(start.Record.Name, start.TestCase),
        TimeProvider = _options.TimeProvider,
        InstantWaits = _options.InstantWaits,
        OnEvent = entry.OnEvent,
    };

    private StoredExecution NewExecution(StartRequest start, string arn) => new()
    {
        ExecutionArn = arn,
        Name = start.Name,
        StateMachine = start.Record.Name,
        StateMachineArn = start.Record.Arn,
        Type = start.Record.Type,
        RoleArn = start.Record.RoleArn,
        Status = "RUNNING",
        StartDate = Now,
        Input = start.Input,
    };

    private async Task<JsonObject> StartExecutionAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var start = ReadStart(request);
        ExecutionEntry entry;
        lock (_executionsLock)
        {
            if (_stopping)
                throw new StepFunctionsException("ServiceUnavailable", "The service is shutting down.", 503);
            if (start.Record.IsExpress)
            {
                var arn = StatesArn.ExpressExecution(_options.Region, _options.AccountId, start.Record.Name, start.Name, Guid.NewGuid().ToString());
                entry = new ExecutionEntry(NewExecution(start, arn), ++_sequence);
            }
            else
            {
                var key = start.Record.Arn + "\n" + start.Name;
                if (_standardByMachineAndName.TryGetValue(key, out var existing))
                {
                    // Same name and input as a running execution: the same answer (AWS, STANDARD only).
                    var summary = existing.Summary;
                    if (summary.Status == "RUNNING" && JsonNode.DeepEquals(summary.Input, start.Input))
                        return Started(summary);
                    throw StepFunctionsErrors.ExecutionAlreadyExists(existing.Arn);
                }
                var arn = StatesArn.Execution(_options.Region, _options.AccountId, start.Record.Name, start.Name);
                entry = new ExecutionEntry(NewExecution(start, arn), ++_sequence);
            }
            Index(entry);
            entry.Cancellation = new CancellationTokenSource();
            _running[entry] = 0;
        }
        try
        {
            if (_options.Executions is { } repository)
                await repository.SaveAsync(entry.Summary, cancellationToken);
        }
        finally
        {
            var options = EngineOptions(start, entry, start.Record.RoleArn);
            entry.Completion = Task.Run(() => RunAsync(entry, start.Machine, options), CancellationToken.None);
        }
        return Started(entry.Summary);
    }

    private static JsonObject Started(StoredExecution execution) => new()
    {
        ["executionArn"] = execution.ExecutionArn,
        ["startDate"] = AwsJson.Timestamp(execution.StartDate),
    };

    /// <summary>Runs an execution to its end, records how it ended (ABORTED when stopped, FAILED when the service
    /// shut down) and stores it.</summary>
    private async Task<StoredExecution> RunAsync(ExecutionEntry entry, StateMachine machine, ExecutionOptions options)
    {
        var cancellation = entry.Cancellation!;
        StoredExecution final;
        try
        {
            var result = await machine.ExecuteAsync(entry.Summary.Input, options, cancellation.Token);
            if (entry.StopRequest is not null)
                throw new OperationCanceledException(cancellation.Token); // stopped while its last step finished: ABORTED
            final = entry.Finish(s => s with
            {
                Status = result.StatusText,
                StopDate = Now,
                Output = result.Output,
                Error = result.Error,
                Cause = result.Cause,
            }, [.. result.History.Events.Select(ExecutionEvent.FromHistory)]);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested || entry.StopRequest is not null)
        {
            var snapshot = entry.Snapshot();
            var ended = entry.StopRequest is { } stop ? Aborted(snapshot, stop.Error, stop.Cause)
                : _stopping ? Interrupted(snapshot, "The Step Functions service stopped while the execution was running.")
                : Aborted(snapshot, null, "The caller of StartSyncExecution went away while the execution was running.");
            final = entry.Finish(_ => ended, ended.Events);
        }
#pragma warning disable CA1031 // Any fault of the engine or invoker must still end and store the execution.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var snapshot = entry.Snapshot();
            var ended = Failed(snapshot, "States.Runtime", ex.Message);
            final = entry.Finish(_ => ended, ended.Events);
        }
        finally
        {
            _running.TryRemove(entry, out _);
        }
        if (_options.Executions is { } repository)
            await repository.SaveAsync(final, CancellationToken.None);
        return final;
    }

    private StoredExecution Aborted(StoredExecution running, string? error, string? cause)
    {
        var now = Now;
        var lastId = running.Events.Count == 0 ? 0 : running.Events.Max(e => e.Id);
        var aborted = new ExecutionEvent(lastId + 1, 0, now, "ExecutionAborted") { Error = error, Cause = cause };
        return running with { Status = "ABORTED", StopDate = now, Error = error, Cause = cause, Events = [.. running.Events, aborted] };
    }

    private StoredExecution Failed(StoredExecution running, string error, string cause)
    {
        var now = Now;
        var lastId = running.Events.Count == 0 ? 0 : running.Events.Max(e => e.Id);
        var failed = new ExecutionEvent(lastId + 1, lastId, now, "ExecutionFailed") { Error = error, Cause = cause };
        return running with { Status = "FAILED", StopDate = now, Error = error, Cause = cause, Events = [.. running.Events, failed] };
    }
}
