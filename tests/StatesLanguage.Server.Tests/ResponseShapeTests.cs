namespace StatesLanguage.Server.Tests;

/// <summary>Every response of a full session, and every error, checked against botocore's service model.</summary>
public sealed class ResponseShapeTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _operationsChecked = [];

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        var response = await _server.CallAsync(operation, request);
        _problems.AddRange(BotocoreModel.Instance!.Check(operation, response));
        _operationsChecked.Add(operation);
        return response;
    }

    private async Task FailAsync(string operation, JsonObject request)
    {
        var (type, _) = await _server.FailAsync(operation, request);
        // ValidationException is also AWS's common error for a member that breaks the model's constraints.
        if (type != "ValidationException" && !BotocoreModel.Instance!.Errors(operation).Contains(type))
            _problems.Add($"{operation} answered {type}, an error the model does not declare for it.");
    }

    [BotocoreFact]
    public async Task EveryOperation_AnswersInTheShapeOfTheServiceModel()
    {
        var machine = (string)(await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "shapes", ["definition"] = Definitions.PassTaskSucceed, ["roleArn"] = TestServer.Role,
        }))["stateMachineArn"]!;
        var express = (string)(await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "shapes-express", ["definition"] = Definitions.PassTaskSucceed, ["roleArn"] = TestServer.Role, ["type"] = "EXPRESS",
        }))["stateMachineArn"]!;
        const string mapAndParallel = """
            {
              "StartAt": "Invoke", "States": {
                "Invoke": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "Payload.$": "$" }, "ResultPath": null, "Next": "Fan" },
                "Fan": { "Type": "Parallel", "Next": "Each", "Branches": [ { "StartAt": "B", "States": { "B": { "Type": "Pass", "End": true } } } ] },
                "Each": { "Type": "Map", "ItemsPath": "$", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "Next": "Choose" },
                "Choose": { "Type": "Choice", "Choices": [ { "Variable": "$[0]", "IsPresent": true, "Next": "Wait" } ], "Default": "Wait" },
                "Wait": { "Type": "Wait", "Seconds": 1, "Next": "Fail" },
                "Fail": { "Type": "Fail", "Error": "E", "Cause": "C" }
              }
            }
            """;
        var composite = (string)(await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "shapes-composite", ["definition"] = mapAndParallel, ["roleArn"] = TestServer.Role,
        }))["stateMachineArn"]!;
        await CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["roleArn"] = TestServer.Role });
        await CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = machine });
        await CallAsync("ListStateMachines", new JsonObject { ["maxResults"] = 1 });
        var execution = (string)(await CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"n":1}""" }))["executionArn"]!;
        var failing = (string)(await CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = composite, ["input"] = "[1,2]" }))["executionArn"]!;
        await _server.WaitForEndAsync(execution);
        await _server.WaitForEndAsync(failing);
        await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = failing });
        await CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["maxResults"] = 1 });
        await CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution });
        await CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = failing, ["maxResults"] = 3 });
        await CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = failing, ["includeExecutionData"] = false });
        await CallAsync("StopExecution", new JsonObject { ["executionArn"] = execution });
        await CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = express, ["input"] = """{"n":1}""" });
        await CallAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = composite });
        await CallAsync("TestState", new JsonObject
        {
            ["definition"] = """{"Type":"Pass","Parameters":{"v.$":"$.n"},"ResultPath":"$.r","Next":"Done"}""", ["input"] = """{"n":1}""",
            ["inspectionLevel"] = "DEBUG",
        });
        await CallAsync("TestState", new JsonObject
        {
            ["definition"] = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handle"}],"End":true}""",
            ["roleArn"] = TestServer.Role, ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "Boom", ["cause"] = "mocked" } },
            ["inspectionLevel"] = "DEBUG",
        });
        await CallAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = Definitions.PassTaskSucceed });
        await CallAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}""" });

        await FailAsync("CreateStateMachine", new JsonObject { ["name"] = "shapes", ["definition"] = Definitions.Pass, ["roleArn"] = TestServer.Role });
        await FailAsync("CreateStateMachine", new JsonObject { ["name"] = "x", ["definition"] = "{}", ["roleArn"] = TestServer.Role });
        await FailAsync("CreateStateMachine", new JsonObject { ["name"] = "a b", ["definition"] = Definitions.Pass, ["roleArn"] = TestServer.Role });
        await FailAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = machine + "x" });
        await FailAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "nope" });
        await FailAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine });
        await FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = "{" });
        await FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = execution.Split(':')[^1] });
        await FailAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine });
        await FailAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution + "x" });
        await FailAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution, ["nextToken"] = "bogus" });
        await FailAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = express });
        await FailAsync("ListStateMachines", new JsonObject { ["nextToken"] = "bogus" });
        await FailAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["maxResults"] = 5000 });
        await FailAsync("TestState", new JsonObject { ["definition"] = """{"Type":"Pass","Nope":1,"End":true}""" });
        await FailAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = "{}", ["severity"] = "LOUD" });

        var scheduled = (await CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = failing }))["events"]!.AsArray()
            .Single(e => (string?)e!["type"] == "TaskScheduled")!["taskScheduledEventDetails"]!;
        Assert.Equal("lambda", (string?)scheduled["resourceType"]);
        Assert.Equal("invoke", (string?)scheduled["resource"]);
        Assert.Equal("us-east-1", (string?)scheduled["region"]);
        Assert.Equal("""{"FunctionName":"f","Payload":[1,2]}""", (string?)scheduled["parameters"]);
        Assert.Empty(_problems);
        Assert.Equal(13, _operationsChecked.Count);
    }

    [BotocoreFact]
    public void Check_AResponseOffTheShape_NamesEachDifference()
    {
        var response = JsonNode.Parse("""
            { "executionArn": "arn", "stateMachineArn": "arn", "status": "DONE", "startDate": "yesterday", "colour": "red", "inputDetails": { "included": 1 } }
            """)!;

        var problems = BotocoreModel.Instance!.Check("DescribeExecution", response);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("'DONE' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("startDate: a String where Timestamp", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the member 'colour' is not in DescribeExecutionOutput", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("inputDetails.included: a Number", StringComparison.Ordinal));
    }
}
