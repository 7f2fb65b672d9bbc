using StatesLanguage.Server.Api;
using StatesLanguage.Server.Executions;
using StatesLanguage.Server.Persistence;

namespace StatesLanguage.Server;

public sealed partial class StepFunctionsService
{
    private static readonly string[] _statuses = ["SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING"];

    /// <summary>The execution of a standard execution ARN.</summary>
    /// <exception cref="StepFunctionsException">InvalidArn (not an ARN; an express execution or another resource type,
    /// as AWS answers them), ExecutionDoesNotExist.</exception>
    private ExecutionEntry FindExecution(string arn)
    {
        var parsed = StatesArn.Parse(arn);
        if (parsed.ResourceType != StatesArn.ExecutionType)
            throw StepFunctionsErrors.InvalidArnResourceType(parsed.ResourceType);
        return _executions.TryGetValue(arn, out var entry) ? entry : throw StepFunctionsErrors.ExecutionDoesNotExist(arn);
    }

    private async Task<JsonObject> StopExecutionAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var arn = reader.RequiredString("executionArn", 1, 256);
        var error = reader.OptionalString("error", 0, 256);
        var cause = reader.OptionalString("cause", 0, 32768);
        reader.ThrowIfInvalid();
        var entry = FindExecution(arn);
        if (entry.Summary.Status == "RUNNING" && entry.Cancellation is { } cancellation)
        {
            entry.StopRequest ??= (error, cause);
            await cancellation.CancelAsync();
            if (await RunOf(entry) is { } run)
                await run;
        }
        return new JsonObject { ["stopDate"] = AwsJson.Timestamp(entry.Summary.StopDate ?? Now) };
    }

    /// <summary>Waits until the execution has ended: at once for one that has (or that this service did not start, as
    /// one read back from disk), else when its run ends. What DescribeExecution then answers is final.</summary>
    /// <exception cref="StepFunctionsException">InvalidArn, ExecutionDoesNotExist.</exception>
    public async Task WaitForExecutionAsync(string executionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        if (await RunOf(FindExecution(executionArn)) is { } run)
            await run.WaitAsync(cancellationToken);
    }

    /// <summary>The run of an execution this service started: its task exists just after the start has been saved
    /// (the start returns first), so a caller may have to wait a moment for it. Null for an execution it did not
    /// start.</summary>
    private static async Task<Task?> RunOf(ExecutionEntry entry)
    {
        if (entry.Cancellation is null)
            return null;
        while (entry.Completion is null)
            await Task.Yield();
        return entry.Completion;
    }

    private Task<JsonObject> DescribeExecutionAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var arn = reader.RequiredString("executionArn", 1, 256);
        var included = reader.OptionalEnum("includedData", "ALL_DATA", "METADATA_ONLY") != "METADATA_ONLY";
        reader.ThrowIfInvalid();
        var execution = FindExecution(arn).Summary;
        var response = Identity(execution);
        if (included)
            response["input"] = AwsJson.Text(execution.Input);
        response["inputDetails"] = new JsonObject { ["included"] = included };
        if (execution.Status == "SUCCEEDED")
        {
            if (included)
                response["output"] = AwsJson.Text(execution.Output);
            response["outputDetails"] = new JsonObject { ["included"] = included };
        }
        AddErrorAndCause(response, execution);
        response["redriveCount"] = 0;
        if (execution.Status == "SUCCEEDED")
        {
            response["redriveStatus"] = "NOT_REDRIVABLE";
            response["redriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven";
        }
        return Task.FromResult(response);
    }

    private Task<JsonObject> ListExecutionsAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var arn = reader.OptionalString("stateMachineArn", 1, 256);
        var status = reader.OptionalEnum("statusFilter", _statuses);
        var size = reader.PageSize();
        var token = reader.OptionalString("nextToken", 1, 3096);
        var mapRunArn = reader.OptionalString("mapRunArn", 1, 2000);
        reader.OptionalEnum("redriveFilter", "REDRIVEN", "NOT_REDRIVEN");
        reader.ThrowIfInvalid();
        if (mapRunArn is not null)
            throw new StepFunctionsException("ResourceNotFound", "Request references a resource that does not exist.");
        if (arn is null)
            throw StepFunctionsErrors.Validation(["Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null"]);
        var (record, _) = FindMachine(arn);
        if (record.IsExpress)
            throw StepFunctionsErrors.StateMachineTypeNotSupported();
        var from = token is null ? long.MaxValue : PageToken.ReadNumber(token, "e");
        var page = _executions.Values
            .Where(e => e.Sequence <= from && !e.IsExpress && e.StateMachineArn == record.Arn)
            .Select(e => (e.Sequence, Execution: e.Summary))
            .Where(e => status is null || e.Execution.Status == status)
            .OrderByDescending(e => e.Sequence)
            .Take(size + 1)
            .ToList();
        var response = new JsonObject { ["executions"] = new JsonArray([.. page.Take(size).Select(e => (JsonNode)ListItem(e.Execution))]) };
        if (page.Count > size)
            response["nextToken"] = PageToken.Write("e", page[size].Sequence.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(response);
    }

    private static JsonObject ListItem(StoredExecution execution)
    {
        var item = Identity(execution);
        item["redriveCount"] = 0;
        return item;
    }

    /// <summary>The members DescribeExecution and a ListExecutions item share: ARNs, name, status, start and stop.</summary>
    private static JsonObject Identity(StoredExecution execution)
    {
        var identity = new JsonObject
        {
            ["executionArn"] = execution.ExecutionArn,
            ["stateMachineArn"] = execution.StateMachineArn,
            ["name"] = execution.Name,
            ["status"] = execution.Status,
            ["startDate"] = AwsJson.Timestamp(execution.StartDate),
        };
        if (execution.StopDate is { } stop)
            identity["stopDate"] = AwsJson.Timestamp(stop);
        return identity;
    }

    private Task<JsonObject> GetExecutionHistoryAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var arn = reader.RequiredString("executionArn", 1, 256);
        var size = reader.PageSize();
        var reverse = reader.OptionalBool("reverseOrder") ?? false;
        var token = reader.OptionalString("nextToken", 1, 1024);
        var includeData = reader.OptionalBool("includeExecutionData") ?? true;
        reader.ThrowIfInvalid();
        var execution = FindExecution(arn).Snapshot();
        var events = reverse ? execution.Events.OrderByDescending(e => e.Id) : execution.Events.OrderBy(e => e.Id);
        if (token is not null)
        {
            var from = PageToken.ReadNumber(token, reverse ? "r" : "f");
            events = reverse ? events.Where(e => e.Id <= from).OrderByDescending(e => e.Id) : events.Where(e => e.Id >= from).OrderBy(e => e.Id);
        }
        var page = events.Take(size + 1).ToList();
        var response = new JsonObject
        {
            ["events"] = new JsonArray([.. page.Take(size).Select(e => (JsonNode)AwsHistoryEvent.Write(e, execution.RoleArn, _options.Region, includeData))]),
        };
        if (page.Count > size)
            response["nextToken"] = PageToken.Write(reverse ? "r" : "f", page[size].Id.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(response);
    }
}
