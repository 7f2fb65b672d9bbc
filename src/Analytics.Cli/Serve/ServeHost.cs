using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using StatesLanguage.Errors;
using StatesLanguage.Definition;
using StatesLanguage.Evaluation;
using StatesLanguage.Server;
using StatesLanguage.Server.Api;
using StatesLanguage.Server.Persistence;

namespace Analytics.Cli.Serve;

/// <summary>How <c>analytics serve</c> runs.</summary>
internal sealed record ServeOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 8083;

    public int LambdaPort { get; init; } = 3001;

    public required string DataDirectory { get; init; }

    /// <summary>A Step Functions Local mock configuration: <c>&lt;stateMachineArn&gt;#&lt;TestCase&gt;</c> runs with it.</summary>
    public JsonNode? MockConfig { get; init; }

    /// <summary>When the daily analysis starts each day in <see cref="TimeZone"/>; null: never on its own.</summary>
    public LocalTime? DailyAt { get; init; } = DailyScheduler.DefaultTime;

    public string TimeZone { get; init; } = "UTC";

    public bool InstantWaits { get; init; }

    /// <summary>How often the uploads folder is scanned for dropped files.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The local stack as a service: the Step Functions API (with the product's two state machines created at start,
/// their <c>${…}</c> resolved to the in-process steps) and the report browser on one port, the Lambda Invoke API on
/// another, the uploads folder watched as EventBridge would, and the daily analysis started on its schedule. Every
/// execution goes through the Step Functions service, so each is listed by the API, the CLI and the browser, and is
/// stored as it starts: an execution cut off by a stop is recorded as failed with the reason, here at shutdown or
/// at the next start.
/// </summary>
internal sealed class ServeHost(ServeOptions options, IServiceProvider services) : IAsyncDisposable
{
    private static readonly string[] s_machines = [LocalWorkflows.UploadProcessor, LocalWorkflows.DailyAnalysis];

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private StepFunctionsService? _stepFunctions;
    private HttpEndpoint? _main;
    private HttpEndpoint? _lambda;
    private LambdaInvokeApi? _lambdaApi;

    public StepFunctionsService StepFunctions => _stepFunctions ?? throw new InvalidOperationException("The service has not started.");

    public Uri Address => _main?.Address ?? throw new InvalidOperationException("The service has not started.");

    public Uri LambdaAddress => _lambda?.Address ?? throw new InvalidOperationException("The service has not started.");

    public UploadWatcher? Watcher { get; private set; }

    public DailyScheduler? Scheduler { get; private set; }

    /// <summary>Executions found running in the store at start (the service had stopped under them): now failed.</summary>
    public int Recovered { get; private set; }

    private string Bucket => Path.Combine(options.DataDirectory, "bucket");

    public static string ArnOf(string machine) =>
        string.Create(CultureInfo.InvariantCulture, $"arn:aws:states:{LocalResources.Region}:{LocalResources.Account}:stateMachine:{machine}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var workflows = services.GetRequiredService<LocalWorkflows>();
        var time = services.GetRequiredService<TimeProvider>();
        _stepFunctions = new StepFunctionsService(new StepFunctionsServiceOptions
        {
            Region = LocalResources.Region,
            AccountId = LocalResources.Account,
            TaskInvokerFactory = () => workflows.CreateTaskInvoker(),
            MockConfig = options.MockConfig,
            StateMachines = new FileStateMachineRepository(Path.Combine(options.DataDirectory, "serve", "state-machines")),
            Executions = new FileExecutionRepository(workflows.Executions.Directory),
            InstantWaits = options.InstantWaits,
            TimeProvider = time,
        });
        Recovered = await _stepFunctions.RecoverAsync(cancellationToken);
        await DeployMachinesAsync(cancellationToken);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("analytics.serve");
        var browser = new BrowserRoutes(workflows.Executions, Bucket, DefinitionOfAsync);
        _main = new HttpEndpoint(options.Host, options.Port, app =>
        {
            app.MapStepFunctionsApi(StepFunctions);
            browser.Map(app);
            app.MapPost("/daily-runs", DailyRunsAsync);
        });
        _lambdaApi = new LambdaInvokeApi(new InProcessFunctions(services), InProcessFunctions.Resolve, LocalResources.Region, LocalResources.Account, logger);
        _lambda = new HttpEndpoint(options.Host, options.LambdaPort, app => _lambdaApi.Map(app));
        await _main.StartAsync(cancellationToken);
        await _lambda.StartAsync(cancellationToken);

        Watcher = new UploadWatcher(Bucket, Path.Combine(options.DataDirectory, "serve", "uploads.json"), ProcessUploadAsync);
        _loops.Add(Loop(token => Watcher.RunAsync(options.ScanInterval, token)));
        if (options.DailyAt is { } at)
        {
            var zone = TimeZones.Find(options.TimeZone) ?? throw new ArgumentException($"Unknown time zone '{options.TimeZone}'.");
            Scheduler = new DailyScheduler(at, zone, Path.Combine(options.DataDirectory, "serve", "last-scheduled-run"), time,
                async (_, token) => await RunAsync(LocalWorkflows.DailyAnalysis, new JsonObject(), "scheduled", token));
            _loops.Add(Loop(Scheduler.RunAsync));
        }
    }

    /// <summary>Starts an execution of one of the product's machines and waits for its end; returns
    /// DescribeExecution's answer then.</summary>
    public async Task<JsonObject> RunAsync(string machine, JsonObject input, string namePrefix, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{namePrefix}-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}")[..^24];
        var started = await StepFunctions.HandleAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = ArnOf(machine),
            ["name"] = name,
            ["input"] = input.ToJsonString(),
        }, cancellationToken);
        var arn = (string)started["executionArn"]!;
        await StepFunctions.WaitForExecutionAsync(arn, cancellationToken);
        return await StepFunctions.HandleAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn }, cancellationToken);
    }

    private async Task<string> ProcessUploadAsync(string key, long size, CancellationToken cancellationToken)
    {
        var input = LocalUploader.ObjectCreatedEvent(Embedded.EmbeddedServiceCollectionExtensions.BucketName, key, size, DateTimeOffset.UtcNow);
        var described = await RunAsync(LocalWorkflows.UploadProcessor, input, LocalWorkflows.UploadProcessor, cancellationToken);
        return (string)described["status"]!;
    }

    /// <summary><c>POST /daily-runs</c> with <c>{"from":"yyyy-MM-dd","to":"yyyy-MM-dd"}</c>: the daily analysis of
    /// every date of the range (<see cref="DailyRange"/>); answers when all have ended, with each date's outcome.</summary>
    private async Task<IResult> DailyRunsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Results.BadRequest(new JsonObject { ["message"] = $"The body is not JSON: {e.Message}" }.ToJsonString());
        }

        if (!DateOnly.TryParseExact((string?)body?["from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact((string?)body?["to"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return Results.BadRequest(new JsonObject { ["message"] = "Give the range as {\"from\":\"yyyy-MM-dd\",\"to\":\"yyyy-MM-dd\"}." }.ToJsonString());
        }

        IReadOnlyList<DateOnly> dates;
        try
        {
            dates = DailyRange.Dates(from, to);
        }
        catch (ArgumentException e)
        {
            return Results.BadRequest(new JsonObject { ["message"] = e.Message }.ToJsonString());
        }

        var runs = await DailyRange.RunAsync(dates, async (date, token) =>
        {
            var described = await RunAsync(LocalWorkflows.DailyAnalysis, new JsonObject { ["date"] = IsoDate.Format(date) }, LocalWorkflows.DailyAnalysis, token);
            var status = (string)described["status"]!;
            var detail = status == "SUCCEEDED"
                ? (string?)JsonNode.Parse((string?)described["output"] ?? "null")?["subject"]
                : $"{described["error"]}: {described["cause"]}";
            return new DateRun(date, status, (string)described["name"]!, detail);
        }, null, cancellationToken);
        var answer = new JsonArray([.. runs.Select(r => (JsonNode)new JsonObject
        {
            ["date"] = IsoDate.Format(r.Date), ["status"] = r.Status, ["execution"] = r.Execution, ["detail"] = r.Detail,
        })]);
        return Results.Content(new JsonObject { ["runs"] = answer, ["succeeded"] = runs.Count(r => r.Succeeded), ["failed"] = runs.Count(r => !r.Succeeded) }.ToJsonString(),
            "application/json");
    }

    /// <summary>Creates the product's state machines, or updates them to this build's definitions.</summary>
    private async Task DeployMachinesAsync(CancellationToken cancellationToken)
    {
        foreach (var machine in s_machines)
        {
            var definition = DefinitionSubstitution.Apply(LocalWorkflows.Definition(machine), LocalResources.Substitutions);
            var role = $"arn:aws:iam::{LocalResources.Account}:role/{machine}-role";
            try
            {
                await StepFunctions.HandleAsync("CreateStateMachine", new JsonObject
                {
                    ["name"] = machine, ["definition"] = definition, ["roleArn"] = role,
                }, cancellationToken);
            }
            catch (StepFunctionsException e) when (e.Code == "StateMachineAlreadyExists")
            {
                await StepFunctions.HandleAsync("UpdateStateMachine", new JsonObject
                {
                    ["stateMachineArn"] = ArnOf(machine), ["definition"] = definition, ["roleArn"] = role,
                }, cancellationToken);
            }
        }
    }

    /// <summary>The definition of a state machine of the service, for the browser's graph; null when unknown.</summary>
    private async Task<StateMachineDefinition?> DefinitionOfAsync(string machine, CancellationToken cancellationToken)
    {
        try
        {
            var described = await StepFunctions.HandleAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = ArnOf(machine) }, cancellationToken);
            return StateMachine.Parse((string)described["definition"]!).Definition;
        }
        catch (Exception e) when (e is StepFunctionsException or AslValidationException)
        {
            return null;
        }
    }

    private Task Loop(Func<CancellationToken, Task> run) => Task.Run(async () =>
    {
        try
        {
            await run(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        if (_main is not null)
        {
            await _main.DisposeAsync();
        }

        if (_lambda is not null)
        {
            await _lambda.DisposeAsync();
        }

        if (_lambdaApi is not null)
        {
            await _lambdaApi.DrainAsync();
        }

        if (_stepFunctions is not null)
        {
            await _stepFunctions.DisposeAsync();
        }

        _stop.Dispose();
    }
}
