using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Cli.Embedded;
using StatesLanguage;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Evaluation.Tasks;

namespace Analytics.Cli.Workflows;

/// <summary>
/// Runs state machines on the local engine the way AWS would run the deployed stack: Lambda ARNs resolve to the
/// in-process steps, <c>sns:publish</c> to the outbox, and every execution is kept in the execution store.
/// </summary>
internal sealed class LocalWorkflows(IServiceProvider services, string dataDirectory, TimeProvider time, bool instantWaits = false)
{
    public const string UploadProcessor = "upload-processor";
    public const string DailyAnalysis = "daily-analysis";

    public ExecutionStore Executions { get; } = new(Path.Combine(dataDirectory, "executions"));

    public SnsOutbox Outbox { get; } = new(Path.Combine(dataDirectory, "outbox"), time);

    /// <summary>The text of one of the product's definitions (<c>state-machines/&lt;name&gt;.asl.json</c>, carried by this assembly).</summary>
    public static string Definition(string name)
    {
        using var stream = typeof(LocalWorkflows).Assembly.GetManifestResourceStream($"state-machines/{name}.asl.json")
                           ?? throw new ArgumentException($"No state machine is named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One of the product's state machines with the local resources substituted.</summary>
    public static StateMachine Load(string name) => StateMachine.Parse(Definition(name), LocalResources.Substitutions);

    /// <summary>Lambda (both the optimised integration and plain function ARNs) and SNS publish.</summary>
    public ITaskInvoker CreateTaskInvoker()
    {
        var lambda = new LambdaTaskInvoker(new InProcessFunctions(services), time);
        return new TaskInvokerResolver()
            .Register(LambdaTaskInvoker.InvokeResource, lambda)
            .RegisterPrefix("arn:aws:lambda:", lambda)
            .Register(SnsOutbox.PublishResource, Outbox);
    }

    /// <summary>Runs one execution to its end and stores it.</summary>
    public async Task<ExecutionResult> RunAsync(string stateMachineName, StateMachine machine, JsonNode? input,
        ITaskInvoker? taskInvoker, Action<HistoryEvent>? onEvent, CancellationToken cancellationToken)
    {
        var executionName = string.Create(CultureInfo.InvariantCulture, $"{stateMachineName}-{time.GetUtcNow():yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}")[..^24];
        var result = await machine.ExecuteAsync(input, new ExecutionOptions
        {
            TaskInvoker = taskInvoker ?? CreateTaskInvoker(),
            TimeProvider = time,
            ExecutionName = executionName,
            StateMachineName = stateMachineName,
            Region = LocalResources.Region,
            AccountId = LocalResources.Account,
            OnEvent = onEvent,
            InstantWaits = instantWaits,
        }, cancellationToken);
        await Executions.SaveAsync(stateMachineName, executionName, input, result, cancellationToken);
        return result;
    }
}
