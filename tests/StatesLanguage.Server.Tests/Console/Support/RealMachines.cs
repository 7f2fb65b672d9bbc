using System.Text.RegularExpressions;
using Analytics.Testing;
using Microsoft.Extensions.Time.Testing;
using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Server.Tests.Console.Support;

/// <summary>
/// The product's two state machines (<c>state-machines/</c>), every <c>${…}</c> given an ARN, run on the local engine
/// with tasks answered by <see cref="DailyAnalysisTasks"/> or a lambda, on a fake clock (waits and retries pass at once).
/// </summary>
internal static partial class RealMachines
{
    public const string DailyAnalysis = "daily-analysis";
    public const string UploadProcessor = "upload-processor";

    public static StateMachine Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(SharedFolder.Repository, "state-machines", name + ".asl.json"));
        var substitutions = Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct()
            .ToDictionary(n => n, n => n.EndsWith("_topic_arn", StringComparison.Ordinal)
                ? $"arn:aws:sns:us-east-1:123456789012:{n}"
                : $"arn:aws:lambda:us-east-1:123456789012:function:{n}");
        return StateMachine.Parse(text, substitutions);
    }

    /// <summary>Every state name of a machine, those of its branches and item processors included.</summary>
    public static IEnumerable<StateDefinition> AllStates(StateMachineDefinition machine)
    {
        foreach (var state in machine.States.Values)
        {
            yield return state;
            IEnumerable<StateMachineDefinition> inner = state switch
            {
                ParallelState parallel => parallel.Branches,
                MapState map => [map.ItemProcessor],
                _ => [],
            };
            foreach (var nested in inner.SelectMany(AllStates))
            {
                yield return nested;
            }
        }
    }

    public static Task<ExecutionResult> RunAsync(StateMachine machine, string input, ITaskInvoker invoker, Action<HistoryEvent>? onEvent = null) =>
        machine.ExecuteAsync(System.Text.Json.Nodes.JsonNode.Parse(input), new ExecutionOptions
        {
            TaskInvoker = invoker,
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero)),
            InstantWaits = true,
            ExecutionName = "test-execution",
            StateMachineName = "test-machine",
            Random = new Random(7),
            OnEvent = onEvent,
        }, CancellationToken.None);

    /// <summary>daily-analysis on a day whose uploads come in after one wait; the states named in
    /// <paramref name="failing"/> fail with that error.</summary>
    public static Task<ExecutionResult> RunDailyAnalysisAsync(params (string State, string Error)[] failing) =>
        RunAsync(Load(DailyAnalysis), """{"date":"2026-12-01"}""", new DailyAnalysisTasks(failing));

    /// <summary>upload-processor on a file ProcessUpload rejects: the catch publishes the rejection, then the execution
    /// fails in UploadRejected.</summary>
    public static Task<ExecutionResult> RunRejectedUploadAsync() =>
        RunAsync(Load(UploadProcessor), """{"detail":{"bucket":{"name":"sales"},"object":{"key":"uploads/store-0001/2026-12-01.json"}}}""",
            new TaskAnswers(invocation => invocation.StateName == "ProcessUpload"
                ? throw new TaskFailedException("InvalidUploadException", """{"errorType":"InvalidUploadException","errorMessage":"Upload is invalid: 2 problem(s)."}""")
                : new System.Text.Json.Nodes.JsonObject { ["MessageId"] = "m-1" }));

    [GeneratedRegex(@"\$\{([a-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
