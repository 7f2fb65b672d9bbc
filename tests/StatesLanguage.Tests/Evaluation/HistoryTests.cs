using StatesLanguage.Evaluation.History;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class HistoryTests
{
    [Fact]
    public async Task History_PassTaskSucceed_NumbersEventsLikeAws()
    {
        var definition = """
            {"StartAt":"P","States":{
              "P":{"Type":"Pass","Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::x","Next":"S"},
              "S":{"Type":"Succeed"}}}
            """;
        var invoker = new DelegateInvoker((i, _) => Task.FromResult(i.Parameters));
        var result = await Machines.RunAsync(definition, """{"a":1}""", invoker);
        var events = result.History.Events;
        HistoryEventType[] expected =
        [
            HistoryEventType.ExecutionStarted, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited,
            HistoryEventType.TaskStateEntered, HistoryEventType.TaskScheduled, HistoryEventType.TaskStarted,
            HistoryEventType.TaskSucceeded, HistoryEventType.TaskStateExited, HistoryEventType.SucceedStateEntered,
            HistoryEventType.SucceedStateExited, HistoryEventType.ExecutionSucceeded,
        ];
        Assert.Equal(expected, events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, expected.Length).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, expected.Length).Select(i => (long)i), events.Select(e => e.PreviousEventId));
        Assert.Equal("T", events[3].StateName);
        Assert.Contains("PassStateEntered", result.History.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_FailState_HasNoExitAndNoErrorWhenUnset()
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Fail"}"""));
        Assert.Equal([HistoryEventType.ExecutionStarted, HistoryEventType.FailStateEntered, HistoryEventType.ExecutionFailed],
            result.History.Events.Select(e => e.Type));
        Assert.Null(result.Error);
        Assert.Null(result.Cause);
    }

    [Fact]
    public async Task History_MapIterations_ChainToTheirOwnEvents()
    {
        var result = await Machines.RunAsync(Machines.OneState("""
            {"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """), """{"items":[1,2,3]}""");
        var events = result.History.Events;
        var mapStarted = Assert.Single(events, e => e.Type == HistoryEventType.MapStateStarted);
        Assert.Equal(3, mapStarted.Length);
        foreach (var started in events.Where(e => e.Type == HistoryEventType.MapIterationStarted))
        {
            Assert.Equal(mapStarted.Id, started.PreviousEventId);
            var entered = Assert.Single(events, e => e.Type == HistoryEventType.PassStateEntered && e.PreviousEventId == started.Id);
            var exited = Assert.Single(events, e => e.Type == HistoryEventType.PassStateExited && e.PreviousEventId == entered.Id);
            Assert.Single(events, e => e.Type == HistoryEventType.MapIterationSucceeded && e.PreviousEventId == exited.Id && e.Index == started.Index);
        }
        Assert.Equal(HistoryEventType.ExecutionSucceeded, events[^1].Type);
    }

    [Fact]
    public async Task History_ResultPathsAddingFields_KeepEachStateDataAsItWas()
    {
        var definition = """
            {"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"arn:aws:states:::x","Parameters":{"n":1},"ResultPath":"$.a","Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Variable":"$.a.n","NumericEquals":1,"Next":"B"}],"Default":"B"},
              "B":{"Type":"Task","Resource":"arn:aws:states:::x","Parameters":{"n":2},"ResultPath":"$.b","Next":"P"},
              "P":{"Type":"Pass","Result":3,"ResultPath":"$.c","End":true}}}
            """;
        var invoker = new DelegateInvoker((i, _) => Task.FromResult(i.Parameters));
        var result = await Machines.RunAsync(definition, """{"x":0}""", invoker);
        var events = result.History.Events;
        string Data(HistoryEventType type, string state, bool input) =>
            JsonData(events.Single(e => e.Type == type && e.StateName == state), input);
        Assert.Equal("""{"x":0}""", Data(HistoryEventType.TaskStateEntered, "A", input: true));
        Assert.Equal("""{"x":0,"a":{"n":1}}""", Data(HistoryEventType.TaskStateExited, "A", input: false));
        Assert.Equal("""{"x":0,"a":{"n":1}}""", Data(HistoryEventType.ChoiceStateExited, "C", input: false));
        Assert.Equal("""{"x":0,"a":{"n":1}}""", Data(HistoryEventType.TaskStateEntered, "B", input: true));
        Assert.Equal("""{"x":0,"a":{"n":1},"b":{"n":2}}""", Data(HistoryEventType.PassStateEntered, "P", input: true));
        Assert.Equal("""{"x":0,"a":{"n":1},"b":{"n":2},"c":3}""", result.Output!.ToJsonString());
    }

    private static string JsonData(HistoryEvent historyEvent, bool input) =>
        (input ? historyEvent.Input : historyEvent.Output)!.ToJsonString();
}
