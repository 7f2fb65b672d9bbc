using System.Reflection;
using System.Text.Json.Nodes;
using Analytics.Functions.Hosting;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>
/// What the state machines say about the functions agrees with the functions: each Lambda Task waits longer than its
/// function may run (else Step Functions reports a timeout while the function still works, and a retry runs beside
/// it), and every error a Retry or Catch names is one that can happen (a misspelt name silently matches nothing).
/// </summary>
public sealed class StateMachineConsistencyTests
{
    /// <summary>Errors the Lambda service itself raises to Step Functions (Step Functions Developer Guide, "Handling errors
    /// in Step Functions workflows": transient Lambda service errors).</summary>
    private static readonly HashSet<string> LambdaServiceErrors = new(StringComparer.Ordinal)
    {
        "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException", "Lambda.Unknown",
    };

    public static TheoryData<string> Machines => [.. StateMachineTasks.Machines];

    [Theory]
    [MemberData(nameof(Machines))]
    public void LambdaTasks_WaitLongerThanTheirFunctionMayRun(string machine)
    {
        var lambdaTasks = StateMachineTasks.Of(machine).Where(t => t.Step is not null).ToList();

        Assert.NotEmpty(lambdaTasks);
        Assert.All(lambdaTasks, t =>
        {
            var seconds = (int?)t.Definition["TimeoutSeconds"];
            Assert.True(seconds > t.Step!.Function.Timeout,
                $"{machine}/{t.Name}: TimeoutSeconds {seconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent"} must exceed {t.Step.Function.ResourceName}'s Timeout of {t.Step.Function.Timeout} s");
        });
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void RetryAndCatch_NameOnlyErrorsThatCanHappen(string machine) =>
        Assert.Empty(UnknownErrorNames(StateMachineTasks.Definition(machine)));

    [Fact]
    public void RetryAndCatch_AMisspeltErrorName_IsFound()
    {
        var definition = StateMachineTasks.Definition("upload-processor");
        definition["States"]!["ProcessUpload"]!["Retry"]![0]!["ErrorEquals"]![0] = "InvalidUploadExeption";

        Assert.Equal(["InvalidUploadExeption"], UnknownErrorNames(definition));
    }

    [Fact]
    public void EveryStep_IsATaskOfAStateMachine_AndEveryLambdaTaskIsAStep()
    {
        var tasks = StateMachineTasks.Machines.SelectMany(StateMachineTasks.Of).ToList();

        Assert.Equal(StepCatalog.All.Select(s => s.Function.ResourceName).Order(StringComparer.Ordinal),
                     StateMachineTasks.Steps(StateMachineTasks.Machines).Order(StringComparer.Ordinal));
        Assert.All(tasks.Where(t => t.Step is null), t => Assert.StartsWith("arn:aws:states:::", (string)t.Definition["Resource"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void FailedParts_SayWhereTheirStepSavesItsResult()
    {
        var failedParts = StateMachineTasks.AllStates(StateMachineTasks.Definition("daily-analysis"))
            .Where(s => (string?)s.State["Type"] == "Pass" && (bool?)s.State["Parameters"]?["failed"] == true).ToList();

        Assert.NotEmpty(failedParts);
        Assert.All(failedParts, p =>
        {
            var step = (string)p.State["Parameters"]!["step"]!;
            var result = StepCatalog.All.Single(s => s.Function.ResourceName == step).StepType
                .GetField("Result", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            var fileName = (string?)result?.GetType().GetProperty("FileName")!.GetValue(result);
            Assert.True(fileName is not null, $"{p.Name}: {step} declares no Result");
            Assert.Equal($"States.Format('{{}}{fileName}', $.run.prefix)", (string?)p.State["Parameters"]!["key.$"]);
        });
    }

    /// <summary>Names in any <c>ErrorEquals</c> that are not <c>States.*</c>, a Lambda service error, or the name of an
    /// exception type in the functions' assembly or the assemblies it loads (ours, the AWS SDK's, .NET's): what a
    /// function's error document can carry as its <c>errorType</c>.</summary>
    private static List<string> UnknownErrorNames(JsonObject definition)
    {
        var known = ExceptionNames.Value;
        return [.. ErrorNames(definition).Where(n => !n.StartsWith("States.", StringComparison.Ordinal) && !LambdaServiceErrors.Contains(n) && !known.Contains(n))
                                         .Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> ErrorNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "ErrorEquals" ? p.Value!.AsArray().Select(e => (string)e!) : ErrorNames(p.Value)),
        JsonArray a => a.SelectMany(ErrorNames),
        _ => [],
    };

    private static readonly Lazy<HashSet<string>> ExceptionNames = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(StepCatalog).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var type in assembly.GetTypes().Where(t => t.IsPublic && typeof(Exception).IsAssignableFrom(t)))
            {
                names.Add(type.Name);
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name is { } n
                         && (n.StartsWith("Analytics.", StringComparison.Ordinal) || n.StartsWith("AWSSDK.", StringComparison.Ordinal) || n == "System.Private.CoreLib")))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return names;
    });
}
