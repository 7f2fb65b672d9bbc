using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Tests.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) as the documented protocol describes it, on Kestrel at 127.0.0.1 (a free port):
/// <c>GET /2018-06-01/runtime/invocation/next</c> blocks until the test hands out an event, with the
/// <c>Lambda-Runtime-*</c> headers; <c>POST …/invocation/{id}/response</c> and <c>…/{id}/error</c> answer 202;
/// <c>POST …/init/error</c> answers 202. It is stricter than needed where the protocol allows it: a response or error for
/// an id that is not the one outstanding, a second answer, an error that is not the Lambda error document, or a
/// <c>next</c> while an invocation is still outstanding is answered 400 and recorded in <see cref="Violations"/>.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private readonly WebApplication _app;
    private readonly Channel<Pending> _events = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _outstanding = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<Answer> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextRequests;

    /// <summary>How the runtime answered one invocation (or its init).</summary>
    /// <param name="IsError">True for <c>…/error</c> and <c>init/error</c>.</param>
    /// <param name="ErrorTypeHeader">The <c>Lambda-Runtime-Function-Error-Type</c> header.</param>
    /// <param name="HandedOut">Stopwatch timestamp when the event was given to the runtime.</param>
    /// <param name="Answered">Stopwatch timestamp when the answer arrived.</param>
    public sealed record Answer(bool IsError, string Body, string? ContentType, string? ErrorTypeHeader, long HandedOut, long Answered)
    {
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(HandedOut, Answered);
    }

    private sealed record Pending(string RequestId, byte[] Event, DateTimeOffset Deadline, string TraceId)
    {
        public TaskCompletionSource<Answer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public long HandedOut { get; set; }
    }

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:port</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Stopwatch timestamp of the first <c>next</c> request: the end of the function's init.</summary>
    public Task<long> FirstNext => _firstNext.Task;

    /// <summary>The init error the runtime reported, if it reports one.</summary>
    public Task<Answer> InitError => _initError.Task;

    /// <summary><c>next</c> requests received so far.</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    private FakeRuntimeApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet(Prefix + "/invocation/next", NextAsync);
        _app.MapPost(Prefix + "/invocation/{id}/response", (HttpContext context, string id) => AnswerAsync(context, id, isError: false));
        _app.MapPost(Prefix + "/invocation/{id}/error", (HttpContext context, string id) => AnswerAsync(context, id, isError: true));
        _app.MapPost(Prefix + "/init/error", (Delegate)InitErrorAsync);
    }

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var fake = new FakeRuntimeApi();
        await fake._app.StartAsync();
        var address = new Uri(fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        fake.Endpoint = $"{address.Host}:{address.Port}";
        return fake;
    }

    /// <summary>Queues an event for the next <c>next</c> request; the task completes with the runtime's answer.</summary>
    public Task<Answer> InvokeAsync(byte[] json, TimeSpan timeout, string? traceId = null)
    {
        var requestId = Guid.NewGuid().ToString();
        var pending = new Pending(requestId, json, DateTimeOffset.UtcNow + timeout,
                                  traceId ?? $"Root=1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..40] + ";Parent=53995c3f42cd8ad8;Sampled=1");
        _outstanding[requestId] = pending;
        _events.Writer.TryWrite(pending);
        return pending.Answer.Task;
    }

    private async Task NextAsync(HttpContext context)
    {
        _firstNext.TrySetResult(Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _nextRequests);
        if (_outstanding.Values.Any(p => p.HandedOut != 0 && !p.Answer.Task.IsCompleted))
        {
            Violations.Enqueue("next was requested while an invocation was still outstanding");
        }

        Pending pending;
        try
        {
            pending = await _events.Reader.ReadAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the runtime went away while waiting (the test ended it)
        }

        pending.HandedOut = Stopwatch.GetTimestamp();
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:analytics-test";
        headers["Lambda-Runtime-Trace-Id"] = pending.TraceId;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(pending.Event, context.RequestAborted);
    }

    private async Task<IResult> AnswerAsync(HttpContext context, string id, bool isError)
    {
        var body = await ReadAsync(context);
        if (!_outstanding.TryRemove(id, out var pending) || pending.HandedOut == 0)
        {
            return Violation($"{(isError ? "error" : "response")} for request {id}, which is not outstanding");
        }

        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault();
        if (isError && !IsErrorDocument(context, body))
        {
            pending.Answer.TrySetResult(new Answer(true, body, context.Request.ContentType, errorType, pending.HandedOut, Stopwatch.GetTimestamp()));
            return Violation($"error for request {id} is not a Lambda error document: {context.Request.ContentType} {body}");
        }

        pending.Answer.TrySetResult(new Answer(isError, body, context.Request.ContentType, errorType, pending.HandedOut, Stopwatch.GetTimestamp()));
        return Results.Json(new { status = "OK" }, statusCode: StatusCodes.Status202Accepted);
    }

    private async Task<IResult> InitErrorAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault();
        if (!IsErrorDocument(context, body))
        {
            Violations.Enqueue($"init error is not a Lambda error document: {context.Request.ContentType} {body}");
        }

        if (!_initError.TrySetResult(new Answer(true, body, context.Request.ContentType, errorType, 0, Stopwatch.GetTimestamp())))
        {
            return Violation("a second init error");
        }

        return Results.Json(new { status = "OK" }, statusCode: StatusCodes.Status202Accepted);
    }

    private IResult Violation(string what)
    {
        Violations.Enqueue(what);
        return Results.Json(new { errorMessage = what, errorType = "InvalidRequest" }, statusCode: StatusCodes.Status400BadRequest);
    }

    private static bool IsErrorDocument(HttpContext context, string body)
    {
        if (context.Request.ContentType != "application/vnd.aws.lambda.error+json")
        {
            return false;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.TryGetProperty("errorType", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String
                   && root.TryGetProperty("errorMessage", out var message) && message.ValueKind == System.Text.Json.JsonValueKind.String
                   && root.TryGetProperty("stackTrace", out var trace) && trace.ValueKind == System.Text.Json.JsonValueKind.Array;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static async Task<string> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
