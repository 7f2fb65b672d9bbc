using Analytics.Testing;
using StatesLanguage.Evaluation.Tasks;

namespace StatesLanguage.Server.Tests;

/// <summary>The real AWS CLI against the service: what a developer types works and reads as on AWS.</summary>
public sealed class AwsCliTests : IAsyncLifetime
{
    private const string MockConfig = """
        { "StateMachines": { "cli": { "TestCases": { "Mocked": { "Double": "Fixed" } } } },
          "MockedResponses": { "Fixed": { "0": { "Return": { "n": 1000 } } } } }
        """;

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(
        () => new DelegateTaskInvoker(i => new JsonObject { ["n"] = (int)i.Parameters!["n"]! * 2 }), MockConfigInvoker.ParseConfig(MockConfig));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<JsonObject> Aws(params string[] arguments) => StepFunctionsCli.CallAsync(_server.Endpoint, arguments);

    [AwsCliFact]
    public async Task Cli_CreateStartAndReadAnExecution_WorksAsOnAws()
    {
        var created = await Aws("create-state-machine", "--name", "cli", "--definition", Definitions.PassTaskSucceed, "--role-arn", TestServer.Role);
        var arn = (string)created["stateMachineArn"]!;
        var described = await Aws("describe-state-machine", "--state-machine-arn", arn);
        var listed = await Aws("list-state-machines");
        var updated = await Aws("update-state-machine", "--state-machine-arn", arn, "--definition", Definitions.PassTaskSucceed.Replace("Done", "Finished", StringComparison.Ordinal));

        var started = await Aws("start-execution", "--state-machine-arn", arn, "--name", "by-cli", "--input", """{"n":4}""");
        var executionArn = (string)started["executionArn"]!;
        var execution = await _server.WaitForEndAsync(executionArn);
        var byCli = await Aws("describe-execution", "--execution-arn", executionArn);
        var history = await Aws("get-execution-history", "--execution-arn", executionArn, "--page-size", "2");
        var reversed = await Aws("get-execution-history", "--execution-arn", executionArn, "--reverse-order", "--max-items", "3");
        var executions = await Aws("list-executions", "--state-machine-arn", arn, "--status-filter", "SUCCEEDED");
        var mocked = await Aws("start-execution", "--state-machine-arn", arn + "#Mocked", "--input", """{"n":4}""");
        var mockedEnd = await _server.WaitForEndAsync((string)mocked["executionArn"]!);

        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:cli", arn);
        Assert.Equal("cli", (string?)described["name"]);
        Assert.Equal("STANDARD", (string?)described["type"]);
        Assert.Contains(listed["stateMachines"]!.AsArray(), m => (string?)m!["stateMachineArn"] == arn);
        Assert.NotNull(updated["revisionId"]);
        Assert.Equal("SUCCEEDED", (string?)execution["status"]);
        Assert.Equal("SUCCEEDED", (string?)byCli["status"]);
        Assert.Equal("""{"n":8}""", (string?)byCli["output"]);
        var events = history["events"]!.AsArray();
        Assert.Equal(11, events.Count); // the CLI followed the nextToken of 6 pages of 2
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
        Assert.Equal(["ExecutionSucceeded", "SucceedStateExited", "SucceedStateEntered"], reversed["events"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.NotNull(reversed["NextToken"]);
        Assert.Equal(executionArn, (string?)Assert.Single(executions["executions"]!.AsArray())!["executionArn"]);
        Assert.Equal("""{"n":1000}""", (string?)mockedEnd["output"]);
    }

    [AwsCliFact]
    public async Task Cli_TestStateAndValidateDefinition_WorkAsOnAws()
    {
        var passed = await Aws("test-state", "--definition", """{"Type":"Pass","Parameters":{"v.$":"$.n"},"ResultPath":"$.r","Next":"Done"}""",
            "--input", """{"n":3}""", "--inspection-level", "DEBUG");
        var retriable = await Aws("test-state", "--definition",
            """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"Retry":[{"ErrorEquals":["Boom"]}],"End":true}""",
            "--role-arn", TestServer.Role, "--mock", """{"errorOutput":{"error":"Boom","cause":"mocked"}}""");
        var valid = await Aws("validate-state-machine-definition", "--definition", Definitions.PassTaskSucceed);
        var invalid = await Aws("validate-state-machine-definition", "--definition", """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}""");
        var refused = await StepFunctionsCli.FailAsync(_server.Endpoint, "test-state", "--definition", """{"Type":"Pass","Nope":1,"End":true}""");

        Assert.Equal("SUCCEEDED", (string?)passed["status"]);
        Assert.Equal("""{"n":3,"r":{"v":3}}""", (string?)passed["output"]);
        Assert.Equal("Done", (string?)passed["nextState"]);
        Assert.Equal("""{"v":3}""", (string?)passed["inspectionData"]!["afterParameters"]);
        Assert.Equal("RETRIABLE", (string?)retriable["status"]);
        Assert.Equal("Boom", (string?)retriable["error"]);
        Assert.Equal("OK", (string?)valid["result"]);
        Assert.Equal("FAIL", (string?)invalid["result"]);
        var diagnostic = invalid["diagnostics"]!.AsArray()[0]!;
        Assert.Equal(("ERROR", "MISSING_TRANSITION_TARGET", "/States/A/Next"), ((string?)diagnostic["severity"], (string?)diagnostic["code"], (string?)diagnostic["location"]));
        Assert.Contains("An error occurred (InvalidDefinition) when calling the TestState operation", refused, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task Cli_ExpressSyncStopAndDelete_WorkAsOnAws()
    {
        var express = (string)(await Aws("create-state-machine", "--name", "cli-express", "--definition", Definitions.PassTaskSucceed,
                                           "--role-arn", TestServer.Role, "--type", "EXPRESS"))["stateMachineArn"]!;
        var waiting = (string)(await Aws("create-state-machine", "--name", "cli-wait", "--definition", Definitions.LongWait, "--role-arn", TestServer.Role))["stateMachineArn"]!;
        await using var slow = await TestServer.StartAsync(instantWaits: false);

        var sync = await Aws("start-sync-execution", "--state-machine-arn", express, "--input", """{"n":21}""");
        var slowMachine = (string)(await StepFunctionsCli.CallAsync(slow.Endpoint, "create-state-machine", "--name", "cli-wait", "--definition", Definitions.LongWait,
                                                             "--role-arn", TestServer.Role))["stateMachineArn"]!;
        var running = (string)(await StepFunctionsCli.CallAsync(slow.Endpoint, "start-execution", "--state-machine-arn", slowMachine))["executionArn"]!;
        var stopped = await StepFunctionsCli.CallAsync(slow.Endpoint, "stop-execution", "--execution-arn", running, "--error", "Cli", "--cause", "stopped from the CLI");
        var aborted = await StepFunctionsCli.CallAsync(slow.Endpoint, "describe-execution", "--execution-arn", running);
        await Aws("delete-state-machine", "--state-machine-arn", waiting);
        var listed = await Aws("list-state-machines");

        Assert.Equal("SUCCEEDED", (string?)sync["status"]);
        Assert.Equal("""{"n":42}""", (string?)sync["output"]);
        Assert.NotNull(stopped["stopDate"]);
        Assert.Equal("ABORTED", (string?)aborted["status"]);
        Assert.Equal("stopped from the CLI", (string?)aborted["cause"]);
        Assert.DoesNotContain(listed["stateMachines"]!.AsArray(), m => (string?)m!["name"] == "cli-wait");
    }

    [AwsCliFact]
    public async Task Cli_Errors_ReadAsAwsErrors()
    {
        const string missing = "arn:aws:states:us-east-1:123456789012:stateMachine:missing";
        var arn = (string)(await Aws("create-state-machine", "--name", "cli-errors", "--definition", Definitions.Pass, "--role-arn", TestServer.Role))["stateMachineArn"]!;

        var doesNotExist = await StepFunctionsCli.FailAsync(_server.Endpoint, "describe-state-machine", "--state-machine-arn", missing);
        var invalidArn = await StepFunctionsCli.FailAsync(_server.Endpoint, "describe-execution", "--execution-arn", "not-an-arn");
        var alreadyExists = await StepFunctionsCli.FailAsync(_server.Endpoint, "create-state-machine", "--name", "cli-errors", "--definition", Definitions.Pass2, "--role-arn", TestServer.Role);
        var badInput = await StepFunctionsCli.FailAsync(_server.Endpoint, "start-execution", "--state-machine-arn", arn, "--input", "{oops");
        var notExpress = await StepFunctionsCli.FailAsync(_server.Endpoint, "start-sync-execution", "--state-machine-arn", arn);
        var noExecution = await StepFunctionsCli.FailAsync(_server.Endpoint, "get-execution-history", "--execution-arn", "arn:aws:states:us-east-1:123456789012:execution:cli-errors:none");

        Assert.EndsWith($"An error occurred (StateMachineDoesNotExist) when calling the DescribeStateMachine operation: State Machine Does Not Exist: '{missing}'", doesNotExist);
        Assert.EndsWith("An error occurred (InvalidArn) when calling the DescribeExecution operation: Invalid Arn: 'Invalid ARN prefix: not-an-arn'", invalidArn);
        Assert.EndsWith($"An error occurred (StateMachineAlreadyExists) when calling the CreateStateMachine operation: State Machine Already Exists: '{arn}'", alreadyExists);
        Assert.Contains("An error occurred (InvalidExecutionInput) when calling the StartExecution operation: Invalid State Machine Execution Input: '", badInput, StringComparison.Ordinal);
        Assert.EndsWith("An error occurred (StateMachineTypeNotSupported) when calling the StartSyncExecution operation: This operation is not supported by this type of state machine", notExpress);
        Assert.EndsWith("An error occurred (ExecutionDoesNotExist) when calling the GetExecutionHistory operation: Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:cli-errors:none'", noExecution);
    }
}
