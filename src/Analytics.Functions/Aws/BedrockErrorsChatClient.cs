using Analytics.Domain.AiReview;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;

namespace Analytics.Functions.Aws;

/// <summary>
/// Translates the Anthropic SDK's errors into the typed errors the state machine retries, by HTTP status
/// (<see cref="ModelErrors.FromStatus"/>): 429 throttling, 408/504 timeout, 500/502/503/529 unavailable. A connection
/// that could not be made counts as unavailable. Other errors pass unchanged (the step records them).
/// </summary>
public sealed class BedrockErrorsChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
                                                             CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (AnthropicApiException e) when (ModelErrors.FromStatus((int)e.StatusCode, Describe(e), e) is { } typed)
        {
            throw typed;
        }
        catch (AnthropicIOException e)
        {
            throw new ServiceUnavailableException($"Bedrock could not be reached: {e.InnerException.Message}", e);
        }
    }

    private static string Describe(AnthropicApiException e)
    {
        var detail = string.IsNullOrWhiteSpace(e.ApiMessage) ? e.ResponseBody : e.ApiMessage;
        detail = detail.Length > 300 ? detail[..300] + "…" : detail;
        return $"Bedrock answered {(int)e.StatusCode}: {detail}";
    }
}
