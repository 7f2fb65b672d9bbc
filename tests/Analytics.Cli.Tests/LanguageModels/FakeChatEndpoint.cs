using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Tests.LanguageModels;

/// <summary>An OpenAI-compatible <c>/v1/chat/completions</c> on Kestrel at 127.0.0.1 answering like <see cref="FakeBedrock"/>'s good model.</summary>
public sealed class FakeChatEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<string> Models { get; } = new();

    public Uri Url { get; private set; } = null!;

    private FakeChatEndpoint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var request = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
            Models.Enqueue((string)request["model"]!);
            var user = request["messages"]!.AsArray().First(m => (string?)m!["role"] == "user")!;
            var text = user["content"] is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string)user["content"]!;
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 0,
                ["model"] = (string)request["model"]!,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = FakeBedrock.Answer(text, invent: false) },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1000, ["completion_tokens"] = 100, ["total_tokens"] = 1100 },
            });
        });
    }

    public static async Task<FakeChatEndpoint> StartAsync()
    {
        var fake = new FakeChatEndpoint();
        await fake._app.StartAsync();
        fake.Url = new Uri(fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/v1");
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
