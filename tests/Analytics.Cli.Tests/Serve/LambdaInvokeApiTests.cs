using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Serve;
using Analytics.Cli.Workflows;
using Analytics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Cli.Tests.Serve;

/// <summary>The Lambda Invoke API of <c>analytics serve</c>, driven by the real AWS CLI and by HTTP as an SDK sends it.</summary>
public sealed class LambdaInvokeApiTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-lambda-api-");
    private ServiceProvider? _services;
    private HttpEndpoint? _endpoint;

    private Uri Address => _endpoint!.Address;

    public async Task InitializeAsync()
    {
        _services = LocalEnvironment.CreateServices(Path.Combine(_root.FullName, "data"));
        var api = new LambdaInvokeApi(new InProcessFunctions(_services), InProcessFunctions.Resolve, LocalResources.Region, LocalResources.Account, NullLogger.Instance);
        _endpoint = new HttpEndpoint("127.0.0.1", 0, app => api.Map(app));
        await _endpoint.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_endpoint is { } endpoint)
        {
            _endpoint = null;
            await endpoint.DisposeAsync();
            await _services!.DisposeAsync();
            _root.Delete(recursive: true);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private async Task<(int ExitCode, JsonObject? Response, string Payload, string Errors)> InvokeAsync(string function, string payload, params string[] more)
    {
        var outFile = Path.Combine(_root.FullName, Guid.NewGuid().ToString("N") + ".json");
        var (exitCode, output, errors) = await AwsCli.RunAsync(["lambda", "invoke", "--function-name", function, "--payload", payload,
            .. more, "--endpoint-url", Address.ToString(), outFile]);
        return (exitCode, exitCode == 0 ? JsonNode.Parse(output)!.AsObject() : null, File.Exists(outFile) ? File.ReadAllText(outFile) : "", errors);
    }

    [AwsCliFact]
    public async Task AwsCli_InvokeAStep_ReturnsItsAnswer()
    {
        var payload = File.ReadAllText(Path.Combine(SharedFolder.Repository, "events", "CheckUploads.json"));

        var (exitCode, response, answer, errors) = await InvokeAsync("CheckUploads", payload);

        Assert.True(exitCode == 0, errors);
        Assert.Equal(200, (int)response!["StatusCode"]!);
        Assert.Equal("$LATEST", (string?)response["ExecutedVersion"]);
        Assert.False(response.ContainsKey("FunctionError"));
        Assert.IsType<JsonObject>(JsonNode.Parse(answer));
    }

    [AwsCliFact]
    public async Task AwsCli_FunctionError_IsReportedWithTheErrorDocument()
    {
        // The sample event names an object that is not in this empty bucket: the step throws.
        var payload = File.ReadAllText(Path.Combine(SharedFolder.Repository, "events", "ProcessUpload.json"));

        var (exitCode, response, answer, errors) = await InvokeAsync($"arn:aws:lambda:{LocalResources.Region}:{LocalResources.Account}:function:ProcessUpload", payload);

        Assert.True(exitCode == 0, errors);
        Assert.Equal(200, (int)response!["StatusCode"]!);
        Assert.Equal("Unhandled", (string?)response["FunctionError"]);
        var document = JsonNode.Parse(answer)!.AsObject();
        Assert.False(string.IsNullOrEmpty((string?)document["errorType"]));
        Assert.False(string.IsNullOrEmpty((string?)document["errorMessage"]));
        Assert.IsType<JsonArray>(document["stackTrace"]);
    }

    [AwsCliFact]
    public async Task AwsCli_UnknownFunction_IsResourceNotFound()
    {
        var (exitCode, _, _, errors) = await InvokeAsync("NoSuchStep", "{}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:{LocalResources.Region}:{LocalResources.Account}:function:NoSuchStep", errors, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task AwsCli_DryRunAndEvent_AnswerWithoutTheResult()
    {
        var dryRun = await InvokeAsync("CheckUploads", "{}", "--invocation-type", "DryRun");
        var asEvent = await InvokeAsync("CheckUploads", "{}", "--invocation-type", "Event");

        Assert.True(dryRun.ExitCode == 0, dryRun.Errors);
        Assert.Equal(204, (int)dryRun.Response!["StatusCode"]!);
        Assert.True(asEvent.ExitCode == 0, asEvent.Errors);
        Assert.Equal(202, (int)asEvent.Response!["StatusCode"]!);
    }

    [AwsCliFact]
    public async Task AwsCli_PayloadThatIsNotJson_IsInvalidRequestContent()
    {
        var (exitCode, _, _, errors) = await InvokeAsync("CheckUploads", "{not json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("InvalidRequestContentException", errors, StringComparison.Ordinal);
        Assert.Contains("Could not parse request body into json", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_QualifierOtherThanLatest_IsResourceNotFoundAndOversizedPayloadIs413()
    {
        using var client = new HttpClient { BaseAddress = Address };

        using var qualified = await client.PostAsync("2015-03-31/functions/CheckUploads/invocations?Qualifier=7", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var oversized = new HttpRequestMessage(HttpMethod.Post, "2015-03-31/functions/CheckUploads/invocations")
        {
            Content = new StringContent("\"" + new string('x', LambdaInvokeApi.MaxAsyncPayloadBytes) + "\"", Encoding.UTF8, "application/json"),
        };
        oversized.Headers.Add("X-Amz-Invocation-Type", "Event");
        using var tooLarge = await client.SendAsync(oversized);

        Assert.Equal(HttpStatusCode.NotFound, qualified.StatusCode);
        Assert.Equal("ResourceNotFoundException", qualified.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal($"Function not found: arn:aws:lambda:{LocalResources.Region}:{LocalResources.Account}:function:CheckUploads:7",
            (string?)JsonNode.Parse(await qualified.Content.ReadAsStringAsync())!["Message"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("RequestTooLargeException", tooLarge.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
