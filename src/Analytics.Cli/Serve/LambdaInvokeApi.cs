using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StatesLanguage.Evaluation.Tasks;

namespace Analytics.Cli.Serve;

/// <summary>
/// The Lambda Invoke API (<c>POST /2015-03-31/functions/{name}/invocations</c>) over functions of this process, so
/// the AWS CLI, an SDK or Step Functions Local (<c>LAMBDA_ENDPOINT</c>) can call every step:
/// <c>X-Amz-Invocation-Type</c> RequestResponse (200 and the function's answer; a function error is still 200, with
/// <c>X-Amz-Function-Error: Unhandled</c> and the error document), Event (202 at once, the function runs in the
/// background) and DryRun (204: the function exists and may be called). Errors of the call itself as the Lambda
/// API shapes them (<c>x-amzn-ErrorType</c> and <c>{"Type","Message"}</c>): an unknown function or qualifier is 404
/// ResourceNotFoundException, a payload that is not JSON 400 InvalidRequestContentException, a payload over the
/// limit (6 MB synchronous, 1 MB asynchronous) 413 RequestTooLargeException.
/// </summary>
internal sealed class LambdaInvokeApi(ILambdaFunctionInvoker functions, Func<string, string?> resolve, string region, string account, ILogger logger)
{
    public const string Route = "/2015-03-31/functions/{name}/invocations";

    public const int MaxSyncPayloadBytes = 6 * 1024 * 1024;

    public const int MaxAsyncPayloadBytes = 1024 * 1024;

    private readonly List<Task> _background = [];
    private readonly Lock _lock = new();

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Route, InvokeAsync);

    /// <summary>Waits for the Event invocations still running (at shutdown).</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_background);
        }
    }

    private async Task InvokeAsync(HttpContext context, string name)
    {
        var request = context.Request;
        var response = context.Response;
        var qualifier = request.Query["Qualifier"].ToString();
        var arn = FunctionArn(name, qualifier);
        if (resolve(name) is not { } function || qualifier is not ("" or "$LATEST"))
        {
            await ErrorAsync(response, 404, "ResourceNotFoundException", "Message", $"Function not found: {arn}");
            return;
        }

        var type = request.Headers["X-Amz-Invocation-Type"].ToString() is { Length: > 0 } given ? given : "RequestResponse";
        if (type is not ("RequestResponse" or "Event" or "DryRun"))
        {
            await ErrorAsync(response, 400, "InvalidParameterValueException", "message",
                $"1 validation error detected: Value '{type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
            return;
        }

        var limit = type == "Event" ? MaxAsyncPayloadBytes : MaxSyncPayloadBytes;
        var body = await ReadBodyAsync(request, limit + 1L, context.RequestAborted);
        if (body.Length > limit)
        {
            await ErrorAsync(response, 413, "RequestTooLargeException", "message",
                $"Request must be smaller than {limit} bytes for the {(type == "Event" ? "InvokeAsync" : "InvokeFunction")} operation");
            return;
        }

        JsonNode? payload;
        try
        {
            // No payload is an empty event, as the console and the CLI send it.
            payload = body.Length == 0 ? new JsonObject() : JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            await ErrorAsync(response, 400, "InvalidRequestContentException", "message", $"Could not parse request body into json: {e.Message}");
            return;
        }

        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        switch (type)
        {
            case "DryRun":
                response.StatusCode = 204;
                return;
            case "Event":
                StartInBackground(function, payload);
                response.StatusCode = 202;
                return;
        }

        var result = await functions.InvokeAsync(function, payload, context.RequestAborted);
        response.StatusCode = 200;
        response.ContentType = "application/json";
        if (result.IsError)
        {
            response.Headers["X-Amz-Function-Error"] = "Unhandled";
            await response.WriteAsync(ErrorDocument(result), context.RequestAborted);
            return;
        }

        await response.WriteAsync(result.Payload?.ToJsonString() ?? "null", context.RequestAborted);
    }

    /// <summary>The .NET runtime's error document: errorType, errorMessage, stackTrace.</summary>
    private static string ErrorDocument(LambdaFunctionResult result) => new JsonObject
    {
        ["errorType"] = result.ErrorType,
        ["errorMessage"] = result.ErrorMessage,
        ["stackTrace"] = new JsonArray([.. result.StackTrace.Select(line => (JsonNode?)line)]),
    }.ToJsonString();

    private void StartInBackground(string function, JsonNode? payload)
    {
        var run = Task.Run(async () =>
        {
            var result = await functions.InvokeAsync(function, payload, CancellationToken.None);
            if (result.IsError)
            {
                Log.EventInvocationFailed(logger, function, result.ErrorType, result.ErrorMessage);
            }
        });
        lock (_lock)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(run);
        }
    }

    private string FunctionArn(string name, string qualifier)
    {
        var arn = name.StartsWith("arn:", StringComparison.Ordinal) ? name : $"arn:aws:lambda:{region}:{account}:function:{name}";
        return qualifier.Length > 0 ? $"{arn}:{qualifier}" : arn;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long stopAfter, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= stopAfter)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A Lambda API error: the code in <c>x-amzn-ErrorType</c>, the body <c>{"Type":"User", message}</c>
    /// (ResourceNotFoundException spells its message member <c>Message</c>, the others <c>message</c>).</summary>
    private static Task ErrorAsync(HttpResponse response, int status, string code, string messageMember, string message)
    {
        response.StatusCode = status;
        response.Headers["x-amzn-ErrorType"] = code;
        response.ContentType = "application/json";
        return response.WriteAsync(new JsonObject { ["Type"] = "User", [messageMember] = message }.ToJsonString(), Encoding.UTF8);
    }
}
