using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.Tasks;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class MockConfigInvokerTests
{
    private const string Config = """
        {"StateMachines":{"M":{"TestCases":{"Happy":{"S":"Flaky"}}}},
         "MockedResponses":{"Flaky":{
           "0":{"Throw":{"Error":"Lambda.TooManyRequestsException","Cause":"slow down"}},
           "1-2":{"Throw":{"Error":"Throttled","Cause":"again"}},
           "3":{"Return":{"ok":true}}}}}
        """;

    private static string Definition(int maxAttempts) => Machines.OneState($$"""
        {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":{{maxAttempts}}}],"End":true}
        """);

    [Fact]
    public async Task Ranges_CountInvocationsWithRetries_ReturnsFourthResponse()
    {
        var invoker = new MockConfigInvoker(MockConfigInvoker.ParseConfig(Config), "M", "Happy");
        var result = await Machines.RunAsync(Definition(3), invoker: invoker);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"ok":true}"""), result.Output));
    }

    [Fact]
    public async Task Throw_AttemptsExhausted_FailsWithThrownError()
    {
        var invoker = new MockConfigInvoker(MockConfigInvoker.ParseConfig(Config), "M", "Happy");
        var result = await Machines.RunAsync(Definition(1), invoker: invoker);
        Assert.Equal("Throttled", result.Error);
        Assert.Equal("again", result.Cause);
    }

    [Fact]
    public async Task UncoveredInvocation_FailsTheExecution()
    {
        var invoker = new MockConfigInvoker(MockConfigInvoker.ParseConfig(Config), "M", "Happy");
        var result = await Machines.RunAsync(Definition(10), invoker: invoker);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var again = await Machines.RunAsync(Definition(10), invoker: invoker); // counts continue at 4: not covered
        Assert.Equal(ExecutionStatus.Failed, again.Status);
        Assert.Equal("States.Runtime", again.Error);
    }

    [Fact]
    public async Task StateNotInTestCase_WithoutFallback_FailsTheExecution()
    {
        var invoker = new MockConfigInvoker(MockConfigInvoker.ParseConfig(Config), "M", "Other");
        var result = await Machines.RunAsync(Definition(0), invoker: invoker);
        Assert.Equal("States.Runtime", result.Error);
    }
}
