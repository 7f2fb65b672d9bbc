using Microsoft.Extensions.Time.Testing;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class StateBehaviourTests
{
    [Fact]
    public async Task ExecutionTimeoutSeconds_Exceeded_EndsTimedOut()
    {
        var clock = new FakeTimeProvider();
        var running = StateMachine.Parse("""{"StartAt":"W","TimeoutSeconds":5,"States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""")
            .ExecuteAsync(new JsonObject(), new ExecutionOptions { TimeProvider = clock }, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var result = await running;
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("TIMED_OUT", result.StatusText);
        Assert.Equal("States.Timeout", result.Error);
    }

    [Fact]
    public async Task ExecutionTimeoutSeconds_NotReached_Succeeds()
    {
        var clock = new FakeTimeProvider();
        var running = StateMachine.Parse("""{"StartAt":"W","TimeoutSeconds":50,"States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""")
            .ExecuteAsync(new JsonObject(), new ExecutionOptions { TimeProvider = clock }, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(ExecutionStatus.Succeeded, (await running).Status);
    }

    [Fact]
    public async Task Wait_Seconds_WaitsOnTheClock()
    {
        var clock = new InstantTimeProvider();
        var start = clock.GetUtcNow();
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Wait","Seconds":90,"End":true}"""), time: clock);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetUtcNow() - start);
    }

    [Theory]
    [InlineData("-1", "The SecondsPath parameter references a negative value: $.s == -1")]
    [InlineData("1.5", "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5")]
    public async Task Wait_BadSecondsPath_FailsWithAwsCause(string value, string detail)
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Wait","SecondsPath":"$.s","End":true}"""), $$"""{"s":{{value}}}""");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal($"An error occurred while executing the state 'S' (entered at the event id #2). {detail}", result.Cause);
    }

    [Fact]
    public async Task Parallel_Branches_ReturnOutputsInOrder()
    {
        var result = await Machines.RunAsync(Machines.OneState("""
            {"Type":"Parallel","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","InputPath":"$.x","End":true}}}],"ResultPath":"$.out","End":true}
            """), """{"x":2}""");
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"x":2,"out":[1,2]}"""), result.Output));
    }

    [Fact]
    public async Task Parallel_BranchFails_CatchReceivesBranchError()
    {
        var result = await Machines.RunAsync("""
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"why"}}}],
                   "Catch":[{"ErrorEquals":["Boom"],"Next":"H"}],"End":true},
              "H":{"Type":"Pass","End":true}}}
            """);
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"Error":"Boom","Cause":"why"}"""), result.Output));
    }

    [Fact]
    public async Task ContextObject_ExposesExecutionAndState()
    {
        var result = await Machines.RunAsync(Machines.OneState("""
            {"Type":"Pass","Parameters":{"name.$":"$$.Execution.Name","state.$":"$$.State.Name","input.$":"$$.Execution.Input.a","retry.$":"$$.State.RetryCount","sm.$":"$$.StateMachine.Name"},"End":true}
            """), """{"a":5}""");
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"name":"test","state":"S","input":5,"retry":0,"sm":"StateMachine"}"""), result.Output));
    }

    [Fact]
    public async Task ExecutionName_WhenNotGiven_IsANewVersion4Uuid()
    {
        var machine = StateMachine.Parse(Machines.OneState("""{"Type":"Pass","Parameters":{"name.$":"$$.Execution.Name"},"End":true}"""));
        var names = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var result = await machine.ExecuteAsync(new JsonObject(), new ExecutionOptions { TimeProvider = new InstantTimeProvider() }, CancellationToken.None);
            names.Add(result.Output!["name"]!.GetValue<string>());
            Assert.EndsWith(":" + names[^1], result.ExecutionArn, StringComparison.Ordinal);
        }

        Assert.All(names, name => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Variables_AssignedInMapIteration_DoNotLeakOut()
    {
        var result = await Machines.RunAsync("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"x":1},"Next":"M"},
              "M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"y":2},"Parameters":{"seen.$":"$x"},"End":true}}},"ResultPath":"$.r","Next":"B"},
              "B":{"Type":"Pass","Parameters":{"x.$":"$x","r.$":"$.r"},"Next":"C"},
              "C":{"Type":"Pass","Parameters":{"y.$":"$y"},"End":true}}}
            """, """{"items":[0,1]}""");
        Assert.Equal("States.Runtime", result.Error);
        var b = result.History.Events.Single(e => e.Type == HistoryEventType.PassStateExited && e.StateName == "B");
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"x":1,"r":[{"seen":1},{"seen":1}]}"""), b.Output));
    }

    [Fact]
    public async Task Parameters_MissingPath_FailsWithRuntimeCause()
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Pass","Parameters":{"v.$":"$.nope"},"End":true}"""), """{"a":1}""");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("An error occurred while executing the state 'S' (entered at the event id #2). The JSONPath '$.nope' specified for the field 'v.$' could not be found in the input '{\"a\":1}'", result.Cause);
    }

    [Fact]
    public async Task InputPathAndOutputPathNull_GiveEmptyObject()
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Pass","OutputPath":null,"End":true}"""), """{"a":1}""");
        Assert.True(JsonComparer.AreEqual(new JsonObject(), result.Output));
    }

    [Fact]
    public async Task WaitForTaskToken_TokenInContextAndInvocation()
    {
        string? seen = null;
        var invoker = new DelegateInvoker((invocation, _) =>
        {
            seen = invocation.TaskToken;
            return Task.FromResult<JsonNode?>(invocation.Parameters);
        });
        var result = await Machines.RunAsync(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"token.$":"$$.Task.Token"},"End":true}
            """), invoker: invoker);
        Assert.NotNull(seen);
        Assert.Equal(seen, result.Output!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task ItemSelectorFailure_FailsMapWithRuntimeError()
    {
        var result = await Machines.RunAsync(Machines.OneState("""
            {"Type":"Map","ItemsPath":"$.items","ToleratedFailureCount":5,"ItemSelector":{"v.$":"$.missing"},
             "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """), """{"items":[1,2]}""");
        Assert.Equal("States.Runtime", result.Error);
    }

    [Fact]
    public async Task MapIterations_OutputOuterVariable_EachGetsOwnCopy()
    {
        var result = await Machines.RunAsync("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"shared":{"k":1}},"Next":"M"},
              "M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","OutputPath":"$shared","End":true}}},"End":true}}}
            """, """{"items":[0,1,2]}""");
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""[{"k":1},{"k":1},{"k":1}]"""), result.Output), $"{result.Error} {result.Cause}");
    }
}
