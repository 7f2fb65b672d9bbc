using StatesLanguage.Server.Api;

namespace StatesLanguage.Server.Tests;

/// <summary>StartExecution, DescribeExecution, ListExecutions, GetExecutionHistory, StopExecution and
/// StartSyncExecution over HTTP, with a task invoker that doubles <c>n</c>.</summary>
public sealed class ExecutionApiTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(() => new DelegateTaskInvoker(Answer));

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
    }

    /// <summary>Doubles <c>n</c>; the state Block first waits until the test releases it (or the execution is stopped).</summary>
    private async Task<JsonNode?> Answer(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.StateName == "Block")
            await _release.Task.WaitAsync(cancellationToken);
        return invocation.Parameters?["n"] is { } n ? new JsonObject { ["n"] = (int)n * 2 } : new JsonObject { ["called"] = invocation.StateName };
    }

    private const string Blocking = """
        { "StartAt": "Block", "States": { "Block": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Block", "End": true } } }
        """;

    [Fact]
    public async Task Start_ThenDescribe_RunsToSucceededWithTheOutput()
    {
        var machine = await _server.CreateAsync("double", Definitions.PassTaskSucceed);

        var started = await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "first", ["input"] = """{"n":21}""" });
        var described = await _server.WaitForEndAsync((string)started["executionArn"]!);

        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:double:first", (string?)started["executionArn"]);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"n":42}""", (string?)described["output"]);
        Assert.Equal("""{"n":21}""", (string?)described["input"]);
        Assert.Equal(machine, (string?)described["stateMachineArn"]);
        Assert.NotNull((double?)described["stopDate"]);
    }

    [Fact]
    public async Task Describe_WhileATaskRuns_IsRunningAndTheHistoryHasTheEventsSoFar()
    {
        var machine = await _server.CreateAsync("blocking", Blocking);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!;

        var events = await WaitForEventAsync(arn, "LambdaFunctionStarted");
        var running = await _server.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        _release.SetResult();
        var ended = await _server.WaitForEndAsync(arn);

        Assert.Equal("RUNNING", (string?)running["status"]);
        Assert.Null(running["stopDate"]);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted"], events.Select(e => (string)e!["type"]!));
        Assert.Equal("SUCCEEDED", (string?)ended["status"]);
    }

    /// <summary>Polls the history until it has an event of the type (a minute at most); returns the events then.</summary>
    [Fact]
    public async Task WaitForExecution_EndsWithTheRun_AndAtOnceForAnEndedOne()
    {
        var machine = await _server.CreateAsync("waited", Blocking);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!;

        var waiting = _server.Service.WaitForExecutionAsync(arn, CancellationToken.None);
        await WaitForEventAsync(arn, "LambdaFunctionStarted");
        var endedEarly = waiting.IsCompleted;
        _release.SetResult();
        await waiting;
        var described = await _server.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        var again = _server.Service.WaitForExecutionAsync(arn, CancellationToken.None);

        Assert.False(endedEarly);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.True(again.IsCompletedSuccessfully);
        var missing = await Assert.ThrowsAsync<StepFunctionsException>(() =>
            _server.Service.WaitForExecutionAsync("arn:aws:states:us-east-1:123456789012:execution:waited:nope", CancellationToken.None));
        Assert.Equal("ExecutionDoesNotExist", missing.Code);
    }

    private async Task<JsonArray> WaitForEventAsync(string arn, string type)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var events = (await _server.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn }))["events"]!.AsArray();
            if (events.Any(e => (string?)e!["type"] == type))
                return events;
            Assert.True(DateTime.UtcNow < deadline, $"No {type} event after a minute.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task History_InPagesOfTwo_RoundTripsTheTokenForwardAndBackward()
    {
        var machine = await _server.CreateAsync("double", Definitions.PassTaskSucceed);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"n":1}""" }))["executionArn"]!;
        await _server.WaitForEndAsync(arn);

        var forward = await ReadHistoryAsync(arn, reverse: false);
        var backward = await ReadHistoryAsync(arn, reverse: true);

        string[] types =
        [
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
            "LambdaFunctionSucceeded", "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded",
        ];
        Assert.Equal(types, forward.Events.Select(e => (string)e["type"]!));
        Assert.Equal(types.Reverse(), backward.Events.Select(e => (string)e["type"]!));
        Assert.Equal(Enumerable.Range(1, types.Length).Select(i => (long)i), forward.Events.Select(e => (long)e["id"]!));
        Assert.Equal(6, forward.Pages);
        var started = forward.Events[0]["executionStartedEventDetails"]!;
        Assert.Equal("""{"n":1}""", (string?)started["input"]);
        Assert.Equal(TestServer.Role, (string?)started["roleArn"]);
        var scheduled = forward.Events[4]["lambdaFunctionScheduledEventDetails"]!;
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:Double", (string?)scheduled["resource"]);
        Assert.Equal("""{"n":1}""", (string?)scheduled["input"]);
        Assert.Equal("""{"n":2}""", (string?)forward.Events[10]["executionSucceededEventDetails"]!["output"]);
        Assert.Equal("Prepare", (string?)forward.Events[2]["stateExitedEventDetails"]!["name"]);
    }

    private async Task<(List<JsonObject> Events, int Pages)> ReadHistoryAsync(string arn, bool reverse)
    {
        var events = new List<JsonObject>();
        string? token = null;
        var pages = 0;
        do
        {
            var request = new JsonObject { ["executionArn"] = arn, ["maxResults"] = 2, ["reverseOrder"] = reverse };
            if (token is not null)
                request["nextToken"] = token;
            var page = await _server.CallAsync("GetExecutionHistory", request);
            var batch = page["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
            Assert.InRange(batch.Count, 1, 2);
            events.AddRange(batch);
            token = (string?)page["nextToken"];
            pages++;
        }
        while (token is not null);
        return (events, pages);
    }

    [Fact]
    public async Task History_WithoutExecutionData_LeavesInputAndOutputOut()
    {
        var machine = await _server.CreateAsync("double", Definitions.PassTaskSucceed);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"n":1}""" }))["executionArn"]!;
        await _server.WaitForEndAsync(arn);

        var events = (await _server.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["includeExecutionData"] = false }))["events"]!.AsArray();

        Assert.Equal(11, events.Count);
        Assert.DoesNotContain("\"input\"", events.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"output\"", events.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(TestServer.Role, (string?)events[0]!["executionStartedEventDetails"]!["roleArn"]);
    }

    [Fact]
    public async Task Start_SameNameAndInputWhileRunning_ReturnsTheSameExecution()
    {
        var machine = await _server.CreateAsync("blocking", Blocking);
        var request = new JsonObject { ["stateMachineArn"] = machine, ["name"] = "once", ["input"] = "{}" };

        var first = await _server.CallAsync("StartExecution", request);
        var second = await _server.CallAsync("StartExecution", request.DeepClone().AsObject());
        var list = await _server.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine });

        Assert.Equal((string?)first["executionArn"], (string?)second["executionArn"]);
        Assert.Equal((double)first["startDate"]!, (double)second["startDate"]!);
        Assert.Single(list["executions"]!.AsArray());
    }

    [Fact]
    public async Task Start_SameNameOtherInput_IsExecutionAlreadyExists()
    {
        var machine = await _server.CreateAsync("blocking", Blocking);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "once", ["input"] = "{}" }))["executionArn"]!;

        var (type, message) = await _server.FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "once", ["input"] = """{"x":1}""" });

        Assert.Equal("ExecutionAlreadyExists", type);
        Assert.Equal($"Execution Already Exists: '{arn}'", message);
    }

    [Fact]
    public async Task Start_SameNameAfterTheExecutionEnded_IsExecutionAlreadyExists()
    {
        var machine = await _server.CreateAsync("pass", Definitions.Pass);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "done" }))["executionArn"]!;
        await _server.WaitForEndAsync(arn);

        var (type, _) = await _server.FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "done" });

        Assert.Equal("ExecutionAlreadyExists", type);
    }

    [Theory]
    [InlineData("not json", "Invalid State Machine Execution Input: '")]
    [InlineData("", "Invalid State Machine Execution Input: 'Invalid execution input.'")]
    public async Task Start_InputNotJson_IsInvalidExecutionInput(string input, string messageStart)
    {
        var machine = await _server.CreateAsync("pass", Definitions.Pass);

        var (type, message) = await _server.FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = input });

        Assert.Equal("InvalidExecutionInput", type);
        Assert.StartsWith(messageStart, message);
    }

    [Fact]
    public async Task Start_UnknownMachine_IsStateMachineDoesNotExist()
    {
        const string arn = "arn:aws:states:us-east-1:123456789012:stateMachine:nobody";

        var (type, message) = await _server.FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("StateMachineDoesNotExist", type);
        Assert.Equal($"State Machine Does Not Exist: '{arn}'", message);
    }

    [Fact]
    public async Task Start_WithoutStateMachineArn_IsValidationException()
    {
        var (type, message) = await _server.FailAsync("StartExecution", []);

        Assert.Equal("ValidationException", type);
        Assert.Equal("1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null", message);
    }

    [Fact]
    public async Task Start_BadExecutionName_IsInvalidName()
    {
        var machine = await _server.CreateAsync("pass", Definitions.Pass);

        var (type, message) = await _server.FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "a b" });

        Assert.Equal("InvalidName", type);
        Assert.Equal("Invalid Name: 'a b'", message);
    }

    [Fact]
    public async Task Describe_UnknownExecution_IsExecutionDoesNotExist()
    {
        const string arn = "arn:aws:states:us-east-1:123456789012:execution:pass:nobody";

        var (type, message) = await _server.FailAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        var (historyType, _) = await _server.FailAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn });
        var (stopType, _) = await _server.FailAsync("StopExecution", new JsonObject { ["executionArn"] = arn });

        Assert.Equal("ExecutionDoesNotExist", type);
        Assert.Equal($"Execution Does Not Exist: '{arn}'", message);
        Assert.Equal("ExecutionDoesNotExist", historyType);
        Assert.Equal("ExecutionDoesNotExist", stopType);
    }

    [Fact]
    public async Task Stop_ARunningExecution_IsAbortedWithTheErrorAndCause()
    {
        var machine = await _server.CreateAsync("blocking", Blocking);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!;
        await WaitForEventAsync(arn, "LambdaFunctionStarted");

        var stopped = await _server.CallAsync("StopExecution", new JsonObject { ["executionArn"] = arn, ["error"] = "Operator", ["cause"] = "Stopped by hand" });
        var described = await _server.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        var events = (await _server.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["reverseOrder"] = true }))["events"]!.AsArray();
        var list = await _server.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["statusFilter"] = "ABORTED" });

        Assert.NotNull((double?)stopped["stopDate"]);
        Assert.Equal("ABORTED", (string?)described["status"]);
        Assert.Equal("Operator", (string?)described["error"]);
        Assert.Equal("Stopped by hand", (string?)described["cause"]);
        Assert.Equal("ExecutionAborted", (string?)events[0]!["type"]);
        Assert.Equal("Operator", (string?)events[0]!["executionAbortedEventDetails"]!["error"]);
        Assert.Equal("Stopped by hand", (string?)events[0]!["executionAbortedEventDetails"]!["cause"]);
        Assert.Equal(arn, (string?)Assert.Single(list["executions"]!.AsArray())!["executionArn"]);
    }

    [Fact]
    public async Task StartSync_OnExpress_AnswersWithTheOutcome()
    {
        var machine = await _server.CreateAsync("quick", Definitions.PassTaskSucceed, "EXPRESS");

        var result = await _server.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "sync", ["input"] = """{"n":5}""" });

        Assert.Equal("SUCCEEDED", (string?)result["status"]);
        Assert.Equal("""{"n":10}""", (string?)result["output"]);
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:quick:sync:", (string?)result["executionArn"]);
        Assert.Equal("sync", (string?)result["name"]);
        Assert.Equal(machine, (string?)result["stateMachineArn"]);
    }

    [Fact]
    public async Task StartSync_ThatFails_AnswersFailedWithErrorAndCause()
    {
        var machine = await _server.CreateAsync("failing", """{ "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "Bad", "Cause": "Very bad" } } }""", "EXPRESS");

        var result = await _server.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine });

        Assert.Equal("FAILED", (string?)result["status"]);
        Assert.Equal("Bad", (string?)result["error"]);
        Assert.Equal("Very bad", (string?)result["cause"]);
        Assert.Null(result["output"]);
    }

    [Fact]
    public async Task StartSync_OnStandard_IsStateMachineTypeNotSupported()
    {
        var machine = await _server.CreateAsync("pass", Definitions.Pass);

        var (type, message) = await _server.FailAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine });

        Assert.Equal("StateMachineTypeNotSupported", type);
        Assert.Equal("This operation is not supported by this type of state machine", message);
    }

    [Fact]
    public async Task ExpressExecution_DescribeAndListing_AreRefusedAsOnAws()
    {
        var machine = await _server.CreateAsync("quick", Definitions.Pass, "EXPRESS");
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!;

        var (describeType, describeMessage) = await _server.FailAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        var (listType, _) = await _server.FailAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine });

        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:quick:", arn);
        Assert.Equal("InvalidArn", describeType);
        Assert.Equal("Invalid Arn: 'Resource type not valid in this context: express'", describeMessage);
        Assert.Equal("StateMachineTypeNotSupported", listType);
    }

    [Fact]
    public async Task ListExecutions_BadStatusFilter_IsValidationExceptionWithAwsEnumList()
    {
        var machine = await _server.CreateAsync("pass", Definitions.Pass);

        var (type, message) = await _server.FailAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["statusFilter"] = "succeeded" });

        Assert.Equal("ValidationException", type);
        Assert.Equal("1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]", message);
    }

    [Fact]
    public async Task Execution_WhenItEnds_IsStoredInTheCliFormat()
    {
        var machine = await _server.CreateAsync("double", Definitions.PassTaskSucceed);
        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "kept", ["input"] = """{"n":3}""" }))["executionArn"]!;
        await _server.WaitForEndAsync(arn);

        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_server.ExecutionsDirectory, "double~kept.json")))!.AsObject();

        foreach (var field in new[] { "executionArn", "name", "stateMachine", "status", "startDate", "stopDate", "input", "output", "error", "cause", "events" })
            Assert.True(file.ContainsKey(field), $"The stored execution has no '{field}'.");
        Assert.Equal(arn, (string?)file["executionArn"]);
        Assert.Equal("double", (string?)file["stateMachine"]);
        Assert.Equal("SUCCEEDED", (string?)file["status"]);
        Assert.Equal(6, (int)file["output"]!["n"]!);
        var events = file["events"]!.AsArray();
        Assert.Equal(11, events.Count);
        Assert.Equal("Prepare", (string?)events[1]!["stateName"]);
        Assert.True(DateTimeOffset.TryParse((string?)events[0]!["timestamp"], out _));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:Double", (string?)events[4]!["resource"]);
    }
}
