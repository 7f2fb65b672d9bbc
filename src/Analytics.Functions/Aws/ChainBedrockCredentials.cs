using Anthropic.Bedrock;

namespace Analytics.Functions.Aws;

/// <summary>
/// Credentials from the standard AWS chain (<see cref="AnthropicBedrockCredentialsHelper.FromEnv"/>), resolved on the
/// first request rather than at start-up. For a custom endpoint without credentials in the chain (a local
/// Bedrock-compatible server), fixed fake ones; for Bedrock itself, no credentials is an error.
/// </summary>
public sealed class ChainBedrockCredentials(string region, bool customEndpoint) : IAnthropicBedrockCredentials
{
    public const string FakeAccessKey = "AKIDLOCALBEDROCK";
    public const string FakeSecret = "local-bedrock-secret";

    private readonly Lazy<Task<IAnthropicBedrockCredentials>> _resolved = new(() => ResolveAsync(region, customEndpoint));

    public string Region => region;

    public async Task Apply(HttpRequestMessage requestMessage) => await (await _resolved.Value).Apply(requestMessage);

    private static async Task<IAnthropicBedrockCredentials> ResolveAsync(string region, bool customEndpoint)
    {
        var fromChain = await AnthropicBedrockCredentialsHelper.FromEnv();
        if (fromChain is not null)
        {
            return fromChain;
        }

        return customEndpoint
            ? new AnthropicBedrockPrivateKeyCredentials { Region = region, ApiAccessKey = FakeAccessKey, ApiSecret = FakeSecret }
            : throw new InvalidOperationException("No AWS credentials were found for Bedrock (environment, profile, container or instance role).");
    }
}
