using StatesLanguage.Server.Api;
using StatesLanguage.Server.Executions;
using StatesLanguage.Server.Persistence;

namespace StatesLanguage.Server;

public sealed partial class StepFunctionsService
{
    private async Task<JsonObject> StartSyncExecutionAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var start = ReadStart(request);
        if (!start.Record.IsExpress)
            throw StepFunctionsErrors.StateMachineTypeNotSupported();
        var arn = StatesArn.ExpressExecution(_options.Region, _options.AccountId, start.Record.Name, start.Name, Guid.NewGuid().ToString());
        ExecutionEntry entry;
        lock (_executionsLock)
        {
            if (_stopping)
                throw new StepFunctionsException("ServiceUnavailable", "The service is shutting down.", 503);
            entry = new ExecutionEntry(NewExecution(start, arn), ++_sequence);
            Index(entry);
            entry.Cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _running[entry] = 0;
        }
        var run = RunAsync(entry, start.Machine, EngineOptions(start, entry, start.Record.RoleArn));
        entry.Completion = run;
        var final = await run;
        var response = new JsonObject
        {
            ["executionArn"] = final.ExecutionArn,
            ["stateMachineArn"] = final.StateMachineArn,
            ["name"] = final.Name,
            ["startDate"] = AwsJson.Timestamp(final.StartDate),
            ["stopDate"] = AwsJson.Timestamp(final.StopDate ?? Now),
            ["status"] = final.Status,
            ["input"] = AwsJson.Text(final.Input),
            ["inputDetails"] = new JsonObject { ["included"] = true },
            ["billingDetails"] = new JsonObject
            {
                ["billedMemoryUsedInMB"] = 64,
                ["billedDurationInMilliseconds"] = BilledMilliseconds(final),
            },
        };
        if (final.Status == "SUCCEEDED")
        {
            response["output"] = AwsJson.Text(final.Output);
            response["outputDetails"] = new JsonObject { ["included"] = true };
        }
        AddErrorAndCause(response, final);
        return response;
    }

    /// <summary>The duration rounded up to the next 100 ms (Express billing).</summary>
    private static long BilledMilliseconds(StoredExecution execution)
    {
        var milliseconds = (long)Math.Ceiling(((execution.StopDate ?? execution.StartDate) - execution.StartDate).TotalMilliseconds);
        return Math.Max(100, (milliseconds + 99) / 100 * 100);
    }

    private static void AddErrorAndCause(JsonObject response, StoredExecution execution)
    {
        if (execution.Error is not null)
            response["error"] = execution.Error;
        if (execution.Cause is not null)
            response["cause"] = execution.Cause;
    }
}
