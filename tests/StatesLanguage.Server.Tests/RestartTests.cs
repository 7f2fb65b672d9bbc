namespace StatesLanguage.Server.Tests;

/// <summary>Executions survive the service: those running when it stops are recorded as failed with the reason,
/// none goes missing.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Dispose_WhileExecutionsWait_RecordsThemFailedAndANewServiceListsThemAll()
    {
        var server = await TestServer.StartAsync(instantWaits: false);
        var machine = await server.CreateAsync("waiting", Definitions.LongWait);
        var done = await server.CreateAsync("quick", Definitions.Pass);
        var waiting = new List<string>();
        for (var i = 0; i < 5; i++)
            waiting.Add((string)(await server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = $"w{i}" }))["executionArn"]!);
        var finished = (string)(await server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = done }))["executionArn"]!;
        await server.WaitForEndAsync(finished);
        foreach (var arn in waiting)
            Assert.Equal("RUNNING", (string?)(await server.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn }))["status"]);

        await server.DisposeAsync();
        await using var restarted = await TestServer.StartAsync(root: server.Root, instantWaits: false);

        var listed = (await restarted.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine }))["executions"]!.AsArray();
        Assert.Equal(waiting.Order(), listed.Select(e => (string)e!["executionArn"]!).Order());
        foreach (var arn in waiting)
        {
            var described = await restarted.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
            Assert.Equal("FAILED", (string?)described["status"]);
            Assert.Equal(StepFunctionsServiceOptions.ServiceStoppedError, (string?)described["error"]);
            Assert.Contains("service stopped while the execution was running", (string?)described["cause"], StringComparison.Ordinal);
            var last = (await restarted.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["reverseOrder"] = true, ["maxResults"] = 1 }))["events"]![0]!;
            Assert.Equal("ExecutionFailed", (string?)last["type"]);
            Assert.Equal(StepFunctionsServiceOptions.ServiceStoppedError, (string?)last["executionFailedEventDetails"]!["error"]);
        }
        Assert.Equal("SUCCEEDED", (string?)(await restarted.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = finished }))["status"]);
    }

    [Fact]
    public async Task Recover_ExecutionsStoredAsRunning_MarksThemFailedAndKeepsTheirEvents()
    {
        // A service that died without shutting down leaves its running executions stored as RUNNING.
        var server = await TestServer.StartAsync(instantWaits: false);
        var machine = await server.CreateAsync("waiting", Definitions.LongWait);
        var arn = (string)(await server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "crashed" }))["executionArn"]!;
        var stored = Path.Combine(server.ExecutionsDirectory, "waiting~crashed.json");
        var runningCopy = await File.ReadAllTextAsync(stored);
        await server.DisposeAsync();
        await File.WriteAllTextAsync(stored, runningCopy);
        Assert.Equal("RUNNING", (string?)JsonNode.Parse(runningCopy)!["status"]);

        await using var restarted = await TestServer.StartAsync(root: server.Root, instantWaits: false);
        var described = await restarted.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        var file = JsonNode.Parse(await File.ReadAllTextAsync(stored))!;

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Contains("marked failed when the service started again", (string?)described["cause"], StringComparison.Ordinal);
        Assert.Equal("FAILED", (string?)file["status"]);
        Assert.Equal("ExecutionFailed", (string?)file["events"]!.AsArray()[^1]!["type"]);
    }

    [Fact]
    public async Task HostStopping_WhileAnExecutionWaits_StoresItAsFailedWithTheReason()
    {
        await using var server = await TestServer.StartAsync(instantWaits: false);
        var machine = await server.CreateAsync("waiting", Definitions.LongWait);
        await server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "stopped-host" });

        await server.StopHostAsync();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(server.ExecutionsDirectory, "waiting~stopped-host.json")))!;

        Assert.Equal("FAILED", (string?)file["status"]);
        Assert.Equal(StepFunctionsServiceOptions.ServiceStoppedError, (string?)file["error"]);
        Assert.Equal("The Step Functions service stopped while the execution was running.", (string?)file["cause"]);
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "ExecutionFailed"], file["events"]!.AsArray().Select(e => (string)e!["type"]!));
    }

    [Fact]
    public async Task Recover_AStoredMachineTheEngineNoLongerAccepts_KeepsItAndStartingItIsInvalidDefinition()
    {
        var server = await TestServer.StartAsync();
        var arn = await server.CreateAsync("outdated", Definitions.Pass);
        await server.DisposeAsync();
        var file = Path.Combine(server.Root, "machines", "outdated.json");
        var stored = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        stored["definition"] = """{ "StartAt": "Gone", "States": { "P": { "Type": "Pass", "End": true } } }""";
        await File.WriteAllTextAsync(file, stored.ToJsonString());

        await using var restarted = await TestServer.StartAsync(root: server.Root);
        var described = await restarted.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        var (type, message) = await restarted.FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("outdated", (string?)described["name"]);
        Assert.Equal("InvalidDefinition", type);
        Assert.StartsWith("Invalid State Machine Definition: 'MISSING_START_AT_TARGET: ", message);
    }
}
