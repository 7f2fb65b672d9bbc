using System.ClientModel;
using System.ClientModel.Primitives;
using System.CommandLine;
using Analytics.Domain.AiReview;
using Analytics.Functions.Aws;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

namespace Analytics.Cli.LanguageModels;

/// <summary>
/// The model options of <c>analytics daily</c> and <c>demo</c>: <c>--model-id</c> alone is Amazon Bedrock in the region
/// of the standard AWS chain; with <c>--bedrock-endpoint URL</c> a Bedrock-compatible server (credentials from the
/// chain, or fake ones when it has none); with <c>--chat-endpoint URL</c> an OpenAI-compatible server (API key from
/// <c>OPENAI_API_KEY</c>, or none). No <c>--model-id</c>: statistics only.
/// </summary>
internal sealed class ModelFlags
{
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    public Option<string?> ModelId { get; } = new("--model-id") { Description = "AI model: a Bedrock model id or inference profile, or the model name of --chat-endpoint. Default: none (statistics only)" };

    public Option<string?> BedrockEndpoint { get; } = new("--bedrock-endpoint") { Description = "A Bedrock-compatible endpoint instead of Amazon Bedrock's (credentials from the AWS chain, or fake ones)" };

    public Option<string?> ChatEndpoint { get; } = new("--chat-endpoint") { Description = "An OpenAI-compatible endpoint (e.g. a local model server's http://localhost:8080/v1) instead of Bedrock" };

    public Option<double> ModelTimeout { get; } = new("--model-timeout") { Description = "Seconds one model call may take", DefaultValueFactory = _ => 60 };

    public void AddTo(Command command)
    {
        command.Options.Add(ModelId);
        command.Options.Add(BedrockEndpoint);
        command.Options.Add(ChatEndpoint);
        command.Options.Add(ModelTimeout);
        command.Validators.Add(result =>
        {
            if (result.GetValue(BedrockEndpoint) is not null && result.GetValue(ChatEndpoint) is not null)
            {
                result.AddError("Give --bedrock-endpoint or --chat-endpoint, not both.");
            }
            else if ((result.GetValue(BedrockEndpoint) ?? result.GetValue(ChatEndpoint)) is { } endpoint)
            {
                if (string.IsNullOrWhiteSpace(result.GetValue(ModelId)))
                {
                    result.AddError("An endpoint needs --model-id.");
                }

                if (Endpoint(endpoint) is null)
                {
                    result.AddError($"Not an http(s) URL: '{endpoint}'.");
                }
            }
        });
    }

    /// <summary>The registrations of the chosen model (none without <c>--model-id</c>).</summary>
    public Action<IServiceCollection> Configure(ParseResult parseResult) => services =>
    {
        var id = parseResult.GetValue(ModelId);
        if (string.IsNullOrWhiteSpace(id))
        {
            return;
        }

        var options = new ModelOptions { Id = id, TimeoutSeconds = parseResult.GetValue(ModelTimeout), Endpoint = Endpoint(parseResult.GetValue(BedrockEndpoint))?.ToString() };
        if (Endpoint(parseResult.GetValue(ChatEndpoint)) is { } chat)
        {
            services.Configure<ModelOptions>(o => (o.Id, o.TimeoutSeconds) = (options.Id, options.TimeoutSeconds));
            services.AddSingleton(OpenAiCompatible(chat, options));
            return;
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{ModelOptions.Section}:{nameof(ModelOptions.Id)}"] = options.Id,
                [$"{ModelOptions.Section}:{nameof(ModelOptions.Endpoint)}"] = options.Endpoint,
                [$"{ModelOptions.Section}:{nameof(ModelOptions.TimeoutSeconds)}"] = options.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        services.AddBedrockModel(configuration);
    };

    private static Uri? Endpoint(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>An OpenAI-compatible chat endpoint as an <see cref="IChatClient"/> (its own retries off: the state machine retries).</summary>
    public static IChatClient OpenAiCompatible(Uri endpoint, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } k ? k : "none";
        var client = new ChatClient(options.Id, new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
        return new OpenAiErrorsChatClient(client.AsIChatClient());
    }
}
