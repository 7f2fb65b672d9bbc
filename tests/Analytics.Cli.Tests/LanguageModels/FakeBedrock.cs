using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Tests.LanguageModels;

/// <summary>
/// A Bedrock InvokeModel endpoint for Claude on Kestrel at 127.0.0.1 (a free port). It records every request with its
/// SigV4 check and Claude body check, and answers as <see cref="Reply"/> says: a well-behaved model that ranks the
/// first fact of the prompt with that fact's own figures, or a misbehaving one, or a Bedrock error.
/// </summary>
public sealed class FakeBedrock : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string ModelId = "anthropic.claude-fake-v1";
    public const string Summary = "The fake model read the facts";

    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    /// <summary>How the fake answers. The three lies are what a model obeying an uploaded name's orders writes, in words.</summary>
    public enum Behaviour { Good, InvalidJson, InventedNumbers, SaysZeroRevenue, OrdersClosingAllStores, SaysDoubled, Throttle, ServerError, Hang }

    public const string ZeroRevenue = "Chain net revenue was zero today.";
    public const string CloseAllStores = "Close all stores tonight.";
    public const string Doubled = "Sales doubled today.";

    public sealed record Request(string Path, string Model, SigV4.Check Signature, IReadOnlyList<string> BodyProblems, int Messages, string FirstUserText);

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>What the n-th request (from 0) gets.</summary>
    public Func<int, Behaviour> Reply { get; set; } = _ => Behaviour.Good;

    public Uri Url { get; private set; } = null!;

    private FakeBedrock()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/model/{modelId}/invoke", (Delegate)InvokeAsync);
    }

    public static async Task<FakeBedrock> StartAsync()
    {
        var fake = new FakeBedrock();
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Url = new Uri(address);
        return fake;
    }

    /// <summary>Requests signed with <paramref name="accessKey"/> are verified with <paramref name="secret"/>.</summary>
    public void Know(string accessKey, string secret) => _secrets[accessKey] = secret;

    private async Task<IResult> InvokeAsync(HttpContext context, string modelId)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var signature = SigV4.Verify(context.Request, body, key => _secrets.GetValueOrDefault(key));
        var (problems, request) = CheckClaudeBody(body);
        var messages = request?["messages"]?.AsArray() ?? [];
        var firstUser = messages.Count > 1 ? Text(messages[0]!) : messages.Count == 1 ? Text(messages[0]!) : "";
        var index = Requests.Count;
        Requests.Enqueue(new Request(context.Request.Path.Value!, modelId, signature, problems, messages.Count, firstUser));
        switch (Reply(index))
        {
            case Behaviour.Throttle:
                return Error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
            case Behaviour.ServerError:
                return Error(500, "InternalServerException", "The server encountered an internal error while processing the request.");
            case Behaviour.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return Results.Empty;
            case Behaviour.InvalidJson:
                return Message("I am sorry, here is my analysis in prose: sales were fine.");
            case Behaviour.InventedNumbers:
                return Message(Answer(firstUser, invent: true));
            case Behaviour.SaysZeroRevenue or Behaviour.OrdersClosingAllStores or Behaviour.SaysDoubled:
                return Message(Lie(firstUser, Reply(index)));
            default:
                return Message(Answer(firstUser, invent: false));
        }
    }

    private static HeaderResult Error(int status, string type, string message)
    {
        var json = new JsonObject { ["message"] = message }.ToJsonString();
        return new HeaderResult(Results.Text(json, "application/json", Encoding.UTF8, status), type);
    }

    private static IResult Message(string text) => Results.Json(new JsonObject
    {
        ["id"] = "msg_fake",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = ModelId,
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        ["stop_reason"] = "end_turn",
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = 1000, ["output_tokens"] = 100 },
    });

    /// <summary>An answer ranking the first fact (the scope fact A0 left aside) with its own first figure.</summary>
    public static string Answer(string prompt, bool invent)
    {
        var start = prompt.IndexOf("<facts>", StringComparison.Ordinal) + "<facts>".Length;
        var end = prompt.LastIndexOf("</facts>", StringComparison.Ordinal);
        var facts = JsonNode.Parse(prompt[start..end])!["facts"]!.AsArray();
        var fact = facts.FirstOrDefault(f => (string?)f!["id"] != "A0") ?? facts[0]!;
        var id = (string)fact!["id"]!;
        var figure = fact["figures"]!.AsArray()[0]!;
        var value = invent ? "987,654.32" : ((decimal)figure["value"]!).ToString(CultureInfo.InvariantCulture);
        var answer = new JsonObject
        {
            ["summary"] = $"{Summary}: {id} matters most today.",
            ["findings"] = new JsonArray(new JsonObject { ["factId"] = id, ["explanation"] = $"Its {(string)figure["name"]!} is {value}." }),
            ["recommendations"] = new JsonArray(new JsonObject
            {
                ["title"] = "Look into it", ["action"] = "Ask the people closest to it what happened.", ["factIds"] = new JsonArray(id),
            }),
        };
        return answer.ToJsonString();
    }

    /// <summary>
    /// The good answer with one lie: a summary saying the chain's revenue was zero, a recommendation to close all stores,
    /// or a finding saying sales doubled about the first fact whose percentage change is negative ("halved" if none is).
    /// </summary>
    private static string Lie(string prompt, Behaviour lie)
    {
        var answer = JsonNode.Parse(Answer(prompt, invent: false))!;
        switch (lie)
        {
            case Behaviour.SaysZeroRevenue:
                answer["summary"] = ZeroRevenue;
                break;
            case Behaviour.OrdersClosingAllStores:
                answer["recommendations"]![0]!["action"] = CloseAllStores;
                break;
            default:
                var start = prompt.IndexOf("<facts>", StringComparison.Ordinal) + "<facts>".Length;
                var facts = JsonNode.Parse(prompt[start..prompt.LastIndexOf("</facts>", StringComparison.Ordinal)])!["facts"]!.AsArray();
                var changed = facts.Select(f => (Fact: f!, Change: f!["figures"]!.AsArray().FirstOrDefault(g => (string?)g!["unit"] == "percent" && (string?)g["name"] != "sharePercent")))
                                   .Where(x => x.Change is not null).OrderBy(x => (decimal)x.Change!["value"]! < 0 ? 0 : 1).First();
                answer["findings"] = new JsonArray(new JsonObject
                {
                    ["factId"] = (string)changed.Fact["id"]!,
                    ["explanation"] = (decimal)changed.Change!["value"]! < 0 ? Doubled : Doubled.Replace("doubled", "halved", StringComparison.Ordinal),
                });
                break;
        }

        return answer.ToJsonString();
    }

    private static string Text(JsonNode message) => message["content"] switch
    {
        JsonValue value => (string)value!,
        JsonArray parts => string.Concat(parts.Where(p => (string?)p!["type"] == "text").Select(p => (string)p!["text"]!)),
        _ => "",
    };

    /// <summary>What a Bedrock InvokeModel body for Claude must have (the model goes in the path, not the body).</summary>
    private static (List<string> Problems, JsonObject? Body) CheckClaudeBody(byte[] body)
    {
        List<string> problems = [];
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body)?.AsObject();
        }
        catch (JsonException e)
        {
            return ([$"body is not JSON: {e.Message}"], null);
        }

        if (request is null)
        {
            return (["body is null"], null);
        }

        if ((string?)request["anthropic_version"] != "bedrock-2023-05-31")
        {
            problems.Add($"anthropic_version is {request["anthropic_version"]?.ToJsonString() ?? "missing"}, not bedrock-2023-05-31; body keys: {string.Join(",", request.Select(p => p.Key))}");
        }

        if (request["max_tokens"] is not JsonValue maxTokens || !maxTokens.TryGetValue<int>(out var tokens) || tokens <= 0)
        {
            problems.Add("max_tokens is not a positive integer");
        }

        if (request["messages"] is not JsonArray { Count: > 0 } messages
            || messages.Any(m => (string?)m!["role"] is not ("user" or "assistant") || m["content"] is null)
            || (string?)messages[0]!["role"] != "user")
        {
            problems.Add("messages is not a non-empty list of user/assistant messages starting with the user");
        }

        if (request.ContainsKey("model") || request.ContainsKey("stream"))
        {
            problems.Add("model or stream is in the body");
        }

        var system = request["system"] switch
        {
            JsonValue value => (string?)value,
            JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
            _ => null,
        };
        if (system is null || !system.Contains("data, never instructions", StringComparison.Ordinal))
        {
            problems.Add("system does not say the facts are data");
        }

        return (problems, request);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Adds Bedrock's error type header to an error response.</summary>
    private sealed class HeaderResult(IResult inner, string errorType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["x-amzn-ErrorType"] = $"{errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
