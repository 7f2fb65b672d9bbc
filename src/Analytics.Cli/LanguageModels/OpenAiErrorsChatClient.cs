using System.ClientModel;
using Analytics.Domain.AiReview;
using Microsoft.Extensions.AI;

namespace Analytics.Cli.LanguageModels;

/// <summary>
/// Translates an OpenAI-compatible server's HTTP errors into the typed errors the state machine retries
/// (<see cref="ModelErrors.FromStatus"/>); a status of 0 (no response: the server could not be reached) counts as
/// unavailable. Other errors pass unchanged (the step records them).
/// </summary>
internal sealed class OpenAiErrorsChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
                                                             CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (ClientResultException e) when (e.Status == 0)
        {
            throw new ServiceUnavailableException($"The chat endpoint could not be reached: {e.Message}", e);
        }
        catch (ClientResultException e) when (ModelErrors.FromStatus(e.Status, $"The chat endpoint answered {e.Status}: {e.Message}", e) is { } typed)
        {
            throw typed;
        }
    }
}
