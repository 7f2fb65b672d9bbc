using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatesLanguage.Server.Persistence;

namespace StatesLanguage.Server.Tests;

/// <summary>The Step Functions API on Kestrel at a free loopback port, with a <see cref="StepFunctionsService"/> on
/// the given folders (or temporary ones), and an HttpClient that speaks AWS JSON 1.0 to it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, StepFunctionsService service, HttpClient client, string root)
    {
        _app = app;
        Service = service;
        Client = client;
        Root = root;
    }

    public StepFunctionsService Service { get; }

    public HttpClient Client { get; }

    public Uri Endpoint => Client.BaseAddress!;

    /// <summary>The folder holding <c>machines/</c> and <c>executions/</c>.</summary>
    public string Root { get; }

    public string ExecutionsDirectory => Path.Combine(Root, "executions");

    public static async Task<TestServer> StartAsync(Func<ITaskInvoker>? invokers = null, JsonNode? mockConfig = null, string? root = null,
                                                    bool instantWaits = true)
    {
        root ??= Directory.CreateTempSubdirectory("sfn-api-").FullName;
        var service = new StepFunctionsService(new StepFunctionsServiceOptions
        {
            TaskInvokerFactory = invokers ?? (() => new DelegateTaskInvoker(i => i.Parameters?.DeepClone())),
            MockConfig = mockConfig,
            StateMachines = new FileStateMachineRepository(Path.Combine(root, "machines")),
            Executions = new FileExecutionRepository(Path.Combine(root, "executions")),
            InstantWaits = instantWaits,
        });
        await service.RecoverAsync(CancellationToken.None);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapStepFunctionsApi(service);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        return new TestServer(app, service, client, root);
    }

    /// <summary>Sends one operation; returns the HTTP status and the JSON body.</summary>
    public async Task<(int Status, JsonObject Body)> SendAsync(string operation, JsonObject request, HttpClient? client = null)
    {
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(StepFunctionsEndpoint.ContentType);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        message.Headers.Add("X-Amz-Target", StepFunctionsEndpoint.TargetPrefix + operation);
        using var response = await (client ?? Client).SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Sends one operation that must succeed.</summary>
    public async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        var (status, body) = await SendAsync(operation, request);
        Assert.True(status == 200, $"{operation} answered {status}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>Sends one operation that must fail with HTTP 400; returns (__type, message).</summary>
    public async Task<(string Type, string? Message)> FailAsync(string operation, JsonObject request)
    {
        var (status, body) = await SendAsync(operation, request);
        Assert.True(status == 400, $"{operation} answered {status}: {body.ToJsonString()}");
        return ((string)body["__type"]!, (string?)body["message"]);
    }

    public async Task<string> CreateAsync(string name, string definition, string type = "STANDARD")
    {
        var created = await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = Role,
            ["type"] = type,
        });
        return (string)created["stateMachineArn"]!;
    }

    /// <summary>Waits until the execution's run has ended, its final state saved too (a minute at most), then gives
    /// DescribeExecution's answer.</summary>
    public async Task<JsonObject> WaitForEndAsync(string executionArn)
    {
        await Service.WaitForExecutionAsync(executionArn, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        return await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn });
    }

    /// <summary>Stops the web host only (as when the process is asked to stop), not the service.</summary>
    public Task StopHostAsync() => _app.StopAsync();

    public const string Role = "arn:aws:iam::123456789012:role/StepFunctionsRole";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Service.DisposeAsync();
    }
}
