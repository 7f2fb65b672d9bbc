using Analytics.Domain.AiReview;
using Anthropic.Bedrock;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Analytics.Functions.Aws;

/// <summary>
/// The model of the AI steps on Amazon Bedrock: <c>Anthropic.Bedrock</c>'s client (SigV4 for service <c>bedrock</c>;
/// credentials and region from the standard AWS chain, resolved on the first call) as an <see cref="IChatClient"/>.
/// </summary>
public static class BedrockModel
{
    /// <summary>The region when neither <c>AWS_REGION</c> nor <c>AWS_DEFAULT_REGION</c> is set.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>
    /// Binds <see cref="ModelOptions"/> from section <c>Model</c> and, when <c>Model:Id</c> is set, registers the Bedrock
    /// <see cref="IChatClient"/> (the SDK's own retries off: the state machine retries; the SDK's timeout is
    /// <see cref="ModelOptions.TimeoutSeconds"/>; <c>Model:Endpoint</c> replaces the region's endpoint). Credentials
    /// registered as <see cref="IAnthropicBedrockCredentials"/> (a test's) win over the chain. No id: no client, and the
    /// steps give statistics only.
    /// </summary>
    public static IServiceCollection AddBedrockModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.Section));
        var id = configuration[$"{ModelOptions.Section}:{nameof(ModelOptions.Id)}"];
        if (string.IsNullOrWhiteSpace(id))
        {
            return services;
        }

        var region = configuration["AWS_REGION"] is { Length: > 0 } r ? r : configuration["AWS_DEFAULT_REGION"] is { Length: > 0 } d ? d : DefaultRegion;
        services.TryAddSingleton<IAnthropicBedrockCredentials>(provider =>
            new ChainBedrockCredentials(region, provider.GetRequiredService<IOptions<ModelOptions>>().Value.Endpoint is not null));
        services.TryAddSingleton<IChatClient>(provider => Create(provider.GetRequiredService<IAnthropicBedrockCredentials>(),
                                                                 provider.GetRequiredService<IOptions<ModelOptions>>().Value));
        return services;
    }

    /// <summary>The Bedrock client of <paramref name="options"/> as an <see cref="IChatClient"/> whose errors are typed.</summary>
    public static IChatClient Create(IAnthropicBedrockCredentials credentials, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new AnthropicBedrockClient(credentials).WithOptions(o => o with
        {
            BaseUrl = options.Endpoint ?? o.BaseUrl,
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            Handlers = [new BedrockVersionHandler()],
        });
        return new BedrockErrorsChatClient(client.AsIChatClient(options.Id, options.MaxOutputTokens));
    }
}
