using StatesLanguage.Evaluation;
using StatesLanguage.Server.Console;
using StatesLanguage.Server.Executions;
using StatesLanguage.Server.Tests.Console.Support;

namespace StatesLanguage.Server.Tests.Console;

public sealed class ExecutionGraphTests
{
    [Fact]
    public async Task Render_SucceededDailyAnalysis_EveryStateIsDrawnWithItsOutcome()
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis);
        var result = await RealMachines.RunDailyAnalysisAsync();
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, result.History.Events));

        Assert.Equal(RealMachines.AllStates(machine.Definition).Select(s => s.Name).Order(StringComparer.Ordinal),
                     graph.States.Keys.Order(StringComparer.Ordinal));
        foreach (var state in new[] { "CheckUploads", "UploadsReady", "WaitForUploads", "BedrockAnalysis", "DetectAnomalies", "ForecastSales", "GenerateReport", "Success" })
        {
            Assert.Equal("succeeded", graph.Outcome(state));
            Assert.Equal("state succeeded", graph.Class(state).Replace(" group", "", StringComparison.Ordinal));
        }

        foreach (var state in new[] { "UploadsUnknown", "NoDataAvailable", "FailNoData", "DetectAnomaliesFailed", "RecommendationsFailed", "SendBedrockErrorAlert", "NotifyFailure", "ExecutionFailed" })
        {
            Assert.Equal("not-run", graph.Outcome(state));
        }

        Assert.Contains("Runs: 2", graph.Title("CheckUploads"), StringComparison.Ordinal);
        Assert.Equal("Parallel", graph.States["BedrockAnalysis"].Attribute("data-type")!.Value);
        Assert.Contains("group", graph.Class("BedrockAnalysis"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ErrorsCaughtByTheMachine_CaughtStatesAreOrangeAndTheExecutionSucceeds()
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis);
        var result = await RealMachines.RunDailyAnalysisAsync(("GenerateRecommendations", "ThrottlingException"), ("ForecastSales", "ModelTimeoutException"));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, result.History.Events));

        Assert.Equal("caught", graph.Outcome("GenerateRecommendations"));
        Assert.Equal("state caught", graph.Class("GenerateRecommendations"));
        Assert.Equal("succeeded", graph.Outcome("RecommendationsFailed"));
        Assert.Equal("caught", graph.Outcome("ForecastSales"));
        Assert.Equal("succeeded", graph.Outcome("ForecastSalesFailed"));
        Assert.Equal("not-run", graph.Outcome("AnalyzeTrendsFailed"));
        Assert.Equal("succeeded", graph.Outcome("BedrockAnalysis"));
        var title = graph.Title("GenerateRecommendations");
        Assert.Contains("Type: Task", title, StringComparison.Ordinal);
        Assert.Contains("Outcome: Caught error", title, StringComparison.Ordinal);
        Assert.Contains("Error: ThrottlingException", title, StringComparison.Ordinal);
        Assert.Contains("Cause: GenerateRecommendations failed: <b>\"ThrottlingException\"</b> & more", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_FailedDailyAnalysis_FailStateIsRedAndLaterStatesNotRun()
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis);
        var result = await RealMachines.RunDailyAnalysisAsync(("CalcCompanyMetrics", "StoreDataCorruptException"));
        Assert.Equal(ExecutionStatus.Failed, result.Status);

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, result.History.Events));

        Assert.Equal("caught", graph.Outcome("CalcCompanyMetrics"));
        Assert.Equal("succeeded", graph.Outcome("NotifyFailure"));
        Assert.Equal("failed", graph.Outcome("ExecutionFailed"));
        Assert.Equal("state failed", graph.Class("ExecutionFailed"));
        Assert.Contains("Error: StoreDataCorruptException", graph.Title("ExecutionFailed"), StringComparison.Ordinal);
        Assert.Equal("not-run", graph.Outcome("CalcProductMetrics"));
        Assert.Equal("not-run", graph.Outcome("DetectAnomalies"));
    }

    [Fact]
    public async Task Render_RejectedUpload_ProcessUploadCaughtAndUploadRejectedFailed()
    {
        var machine = RealMachines.Load(RealMachines.UploadProcessor);
        var result = await RealMachines.RunRejectedUploadAsync();
        Assert.Equal(ExecutionStatus.Failed, result.Status);

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, result.History.Events));

        Assert.Equal(machine.Definition.States.Keys.Order(StringComparer.Ordinal), graph.States.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("succeeded", graph.Outcome("LogInput"));
        Assert.Equal("caught", graph.Outcome("ProcessUpload"));
        Assert.Equal("succeeded", graph.Outcome("ReadRejection"));
        Assert.Equal("succeeded", graph.Outcome("NotifyRejectedUpload"));
        Assert.Equal("failed", graph.Outcome("UploadRejected"));
        Assert.Contains("Error: InvalidUploadException", graph.Title("UploadRejected"), StringComparison.Ordinal);
        Assert.Equal("not-run", graph.Outcome("ReportIncompleteUpload"));
    }

    [Fact]
    public async Task Render_RuntimeErrorInAState_ThatStateIsRedWithTheExecutionsError()
    {
        var machine = RealMachines.Load(RealMachines.UploadProcessor);
        var result = await RealMachines.RunAsync(machine, "{}", new TaskAnswers(_ => new JsonObject()));
        Assert.Equal(ExecutionStatus.Failed, result.Status);

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, result.History.Events));

        Assert.Equal("failed", graph.Outcome("LogInput"));
        Assert.Contains("Error: States.Runtime", graph.Title("LogInput"), StringComparison.Ordinal);
        Assert.Equal("not-run", graph.Outcome("ProcessUpload"));
    }

    [Fact]
    public async Task Render_ExecutionStillRunning_TheWaitingTaskIsInProgress()
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis);
        var events = new System.Collections.Concurrent.ConcurrentQueue<StatesLanguage.Evaluation.History.HistoryEvent>();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = new DailyAnalysisTasks([]);
        var invoker = new BlockingInvoker(tasks, "CalcProductMetrics", reached, release.Task);
        var run = RealMachines.RunAsync(machine, """{"date":"2026-12-01"}""", invoker, events.Enqueue);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, [.. events]));
        release.SetResult();
        Assert.Equal(ExecutionStatus.Succeeded, (await run).Status);

        Assert.Equal("in-progress", graph.Outcome("CalcProductMetrics"));
        Assert.Equal("state in-progress", graph.Class("CalcProductMetrics"));
        Assert.Equal("succeeded", graph.Outcome("CalcCompanyMetrics"));
        Assert.Equal("not-run", graph.Outcome("BedrockAnalysis"));
    }

    [Fact]
    public async Task Render_UncaughtFailureInAParallelBranch_BranchStateAndParallelAreRed()
    {
        const string definition = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"Quick","States":{"Quick":{"Type":"Pass","End":true}}},
              {"StartAt":"Breaks","States":{"Breaks":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:b","End":true}}}]}}}
            """;
        var machine = StateMachine.Parse(definition);
        var result = await RealMachines.RunAsync(machine, "{}",
            new TaskAnswers(_ => throw new StatesLanguage.Errors.TaskFailedException("Broken", "it broke")));
        Assert.Equal(ExecutionStatus.Failed, result.Status);

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, result.History.Events));

        Assert.Equal("succeeded", graph.Outcome("Quick"));
        Assert.Equal("failed", graph.Outcome("Breaks"));
        Assert.Equal("failed", graph.Outcome("Fan"));
        Assert.Contains("Failed attempts: 1", graph.Title("Breaks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MapState_ItemProcessorStatesAreDrawnInsideTheMapBox()
    {
        const string definition = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","End":true,
              "ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Pass","Next":"Check"},"Check":{"Type":"Succeed"}}}}}}
            """;
        var machine = StateMachine.Parse(definition);
        var result = await RealMachines.RunAsync(machine, """{"items":[1,2,3]}""", new TaskAnswers(_ => null));

        var graph = new SvgGraph(ExecutionGraph.Render(machine.Definition, result.History.Events));

        Assert.Equal("succeeded", graph.Outcome("Each"));
        Assert.Equal("succeeded", graph.Outcome("Double"));
        Assert.Contains("Runs: 3", graph.Title("Double"), StringComparison.Ordinal);
        var map = graph.Box("Each");
        foreach (var inner in new[] { "Double", "Check" })
        {
            var box = graph.Box(inner);
            Assert.True(box.X > map.X && box.Y > map.Y && box.X + box.Width < map.X + map.Width && box.Y + box.Height < map.Y + map.Height,
                        $"{inner} {box} is not inside the Map box {map}");
        }

        Assert.True(graph.Box("Check").Y > graph.Box("Double").Y, "Check follows Double: it is drawn below it");
    }

    [Fact]
    public void Render_DailyAnalysisLayout_TransitionsGoDownExceptTheLoopAndBoxesDoNotOverlap()
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis).Definition;

        var graph = new SvgGraph(ExecutionGraph.Render(machine, new List<ExecutionEvent>()));

        Assert.All(graph.States.Keys, state => Assert.Equal("not-run", graph.Outcome(state)));
        foreach (var (name, state) in machine.States)
        {
            foreach (var next in Successors(state).Where(n => (name, n) != ("WaitForUploads", "CheckUploads")))
            {
                Assert.True(graph.Box(next).Y > graph.Box(name).Y, $"{name} -> {next} does not go down");
            }
        }

        Assert.Single(graph.Paths("loop"));
        var transitions = RealMachines.AllStates(machine).Sum(s => Successors(s).Count());
        Assert.Equal(transitions, graph.Paths("edge").Count(p => !IsMarkerEdge(p)));
        var top = machine.States.Keys.ToList();
        for (var i = 0; i < top.Count; i++)
        {
            for (var j = i + 1; j < top.Count; j++)
            {
                var (a, b) = (graph.Box(top[i]), graph.Box(top[j]));
                var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y;
                Assert.True(apart, $"{top[i]} {a} overlaps {top[j]} {b}");
            }
        }

        Assert.Single(graph.Paths("start"));
        Assert.Equal(3, graph.Paths("end").Count()); // Success, FailNoData and ExecutionFailed end the machine
    }

    [Fact]
    public async Task Render_SameDefinitionAndHistory_SameSvg()
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis);
        var first = await RealMachines.RunDailyAnalysisAsync(("ForecastSales", "ModelTimeoutException"));
        var second = await RealMachines.RunDailyAnalysisAsync(("ForecastSales", "ModelTimeoutException"));

        var svg = ExecutionGraph.Render(machine.Definition, first.History.Events);

        Assert.Equal(svg, ExecutionGraph.Render(RealMachines.Load(RealMachines.DailyAnalysis).Definition, second.History.Events));
        Assert.Equal(StateHistoryTable.Render(first.History.Events), StateHistoryTable.Render(second.History.Events));
    }

    [Fact]
    public async Task Render_HostileStateNames_AreEscapedAndTheSvgStaysWellFormed()
    {
        string[] names = ["<script>alert(1)</script>", "A & B \"quoted\" 'single'", "]]></svg><img src=x>", new string('W', 80)];
        var states = new JsonObject();
        for (var i = 0; i < names.Length; i++)
        {
            states[names[i]] = i + 1 < names.Length ? new JsonObject { ["Type"] = "Pass", ["Next"] = names[i + 1] } : new JsonObject { ["Type"] = "Succeed" };
        }

        var machine = StateMachine.Parse(new JsonObject { ["StartAt"] = names[0], ["States"] = states }.ToJsonString());
        var result = await RealMachines.RunAsync(machine, "{}", new TaskAnswers(_ => null));

        var svg = ExecutionGraph.Render(machine.Definition, result.History.Events);
        var graph = new SvgGraph(svg); // parses: nothing broke out of the markup

        Assert.Equal(names.Order(StringComparer.Ordinal), graph.States.Keys.Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal("succeeded", graph.Outcome(name)));
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", svg, StringComparison.Ordinal);
        Assert.EndsWith("…", graph.Label(names[3]), StringComparison.Ordinal); // cut to fit its box; the tooltip has it whole
        Assert.StartsWith(names[3] + "\n", graph.Title(names[3]), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Successors(StatesLanguage.Definition.StateDefinition state) =>
        StatesLanguage.Server.Console.GraphLayout.Transitions(state).Select(t => t.Next);

    private static bool IsMarkerEdge(System.Xml.Linq.XElement path) =>
        path.Attribute("class")!.Value.Split(' ') is var classes && (classes.Contains("start") || classes.Contains("end"));

    private sealed class BlockingInvoker(ITaskInvoker inner, string state, TaskCompletionSource reached, Task release) : ITaskInvoker
    {
        public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            if (invocation.StateName == state)
            {
                reached.TrySetResult();
                await release.WaitAsync(cancellationToken);
            }

            return await inner.InvokeAsync(invocation, cancellationToken);
        }
    }
}
