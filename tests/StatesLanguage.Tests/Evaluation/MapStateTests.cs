using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class MapStateTests
{
    private static string MapOverItems(string extra) => Machines.OneState("""{"Type":"Map","ItemsPath":"$.items",""" + extra
        + """ "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::x","End":true}}},"End":true}""");

    private static string Items(int count) => $$"""{"items":[{{string.Join(",", Enumerable.Range(0, count))}}]}""";

    [Fact]
    public async Task MaxConcurrency_Three_NeverRunsMoreThanThreeAtOnce()
    {
        var running = 0;
        var peak = 0;
        var invoker = new DelegateInvoker(async (invocation, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(15, token);
            Interlocked.Decrement(ref running);
            return invocation.Parameters;
        });
        var result = await Machines.RunAsync(MapOverItems("\"MaxConcurrency\":3,"), Items(24), invoker, TimeProvider.System);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.InRange(peak, 2, 3);
        Assert.Equal(24, result.Output!.AsArray().Count);
        Assert.Equal(23, result.Output![23]!.GetValue<int>());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Fact]
    public async Task ItemSelector_ContextItem_GivesIndexAndValue()
    {
        var definition = Machines.OneState("""
            {"Type":"Map","ItemsPath":"$.items","ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","c.$":"$.constant"},
             "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """);
        var result = await Machines.RunAsync(definition, """{"items":["a","b"],"constant":7}""");
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""[{"i":0,"v":"a","c":7},{"i":1,"v":"b","c":7}]"""), result.Output));
    }

    [Fact]
    public async Task ToleratedFailureCount_Exceeded_FailsWithThresholdError()
    {
        var invoker = new DelegateInvoker((invocation, _) =>
            invocation.Parameters!.GetValue<int>() % 2 == 0 ? throw new TaskFailedException("E", "c") : Task.FromResult<JsonNode?>(invocation.Parameters));
        var result = await Machines.RunAsync(MapOverItems("\"MaxConcurrency\":1,\"ToleratedFailureCount\":1,"), Items(4), invoker);
        Assert.Equal(("States.ExceedToleratedFailureThreshold", "The specified tolerated failure threshold was exceeded"), (result.Error, result.Cause));
    }

    [Fact]
    public async Task ToleratedFailurePercentage_WithinThreshold_Succeeds()
    {
        var invoker = new DelegateInvoker((invocation, _) =>
            invocation.Parameters!.GetValue<int>() == 0 ? throw new TaskFailedException("E", "c") : Task.FromResult<JsonNode?>(invocation.Parameters));
        var result = await Machines.RunAsync(MapOverItems("\"ToleratedFailurePercentage\":50,"), Items(4), invoker);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task IterationFailure_NoThreshold_FailsWithIterationError()
    {
        var invoker = new DelegateInvoker((_, _) => throw new TaskFailedException("ItemError", "bad item"));
        var result = await Machines.RunAsync(MapOverItems(""), Items(3), invoker);
        Assert.Equal("ItemError", result.Error);
        Assert.Equal("bad item", result.Cause);
    }
}
