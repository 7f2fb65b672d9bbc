using StatesLanguage.Evaluation.Tasks;

namespace StatesLanguage.Server.Tests;

/// <summary>Step Functions Local's mocked service integrations: StartExecution on <c>&lt;arn&gt;#&lt;TestCase&gt;</c>.</summary>
public sealed class MockTestCaseTests : IAsyncLifetime
{
    private const string MockConfig = """
        {
          "StateMachines": {
            "mocked": { "TestCases": { "HappyPath": { "Call": "CallOk" }, "Broken": { "Call": "CallFails" } } }
          },
          "MockedResponses": {
            "CallOk": { "0": { "Return": { "mocked": true } } },
            "CallFails": { "0": { "Throw": { "Error": "Mocked.Error", "Cause": "as configured" } } }
          }
        }
        """;

    private TestServer _server = null!;
    private int _hostCalls;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(() => new DelegateTaskInvoker(_ =>
        {
            Interlocked.Increment(ref _hostCalls);
            return new JsonObject { ["mocked"] = false };
        }), MockConfigInvoker.ParseConfig(MockConfig));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Start_OnATestCase_AnswersTheTaskFromTheMock()
    {
        var machine = await _server.CreateAsync("mocked", Definitions.OneTask);

        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine + "#HappyPath" }))["executionArn"]!;
        var described = await _server.WaitForEndAsync(arn);

        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:execution:mocked:", arn);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"mocked":true}""", (string?)described["output"]);
        Assert.Equal(0, _hostCalls);
    }

    [Fact]
    public async Task Start_OnATestCaseThatThrows_FailsWithTheMockedError()
    {
        var machine = await _server.CreateAsync("mocked", Definitions.OneTask);

        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine + "#Broken" }))["executionArn"]!;
        var described = await _server.WaitForEndAsync(arn);

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("Mocked.Error", (string?)described["error"]);
        Assert.Equal("as configured", (string?)described["cause"]);
    }

    [Fact]
    public async Task Start_WithoutATestCase_CallsTheHostInvoker()
    {
        var machine = await _server.CreateAsync("mocked", Definitions.OneTask);

        var arn = (string)(await _server.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!;
        var described = await _server.WaitForEndAsync(arn);

        Assert.Equal("""{"mocked":false}""", (string?)described["output"]);
        Assert.Equal(1, _hostCalls);
    }

    [Fact]
    public async Task StartSync_OnATestCaseOfAnExpressMachine_AnswersFromTheMock()
    {
        var machine = await _server.CreateAsync("mocked", Definitions.OneTask, "EXPRESS");

        var result = await _server.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine + "#HappyPath" });

        Assert.Equal("SUCCEEDED", (string?)result["status"]);
        Assert.Equal("""{"mocked":true}""", (string?)result["output"]);
    }

    [Fact]
    public async Task Start_OnAnUnknownTestCase_IsAClearError()
    {
        var machine = await _server.CreateAsync("mocked", Definitions.OneTask);

        var (type, message) = await _server.FailAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine + "#NoSuchCase" });

        Assert.Equal("InvalidName", type);
        Assert.Equal("The mock configuration has no test case 'NoSuchCase' for state machine 'mocked'.", message);
    }
}
