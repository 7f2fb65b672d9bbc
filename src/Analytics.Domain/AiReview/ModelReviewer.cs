using Analytics.Domain.Analysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Domain.AiReview;

/// <summary>
/// Asks the configured model (any <see cref="IChatClient"/>; none registered: statistics only) to rank and explain a
/// step's facts, validates the answer with <see cref="ModelAnswerValidator"/>, and sends the problems back once for a
/// repair. Throttling, timeouts (<see cref="ModelOptions.TimeoutSeconds"/> per call) and an unavailable service are
/// thrown as <see cref="ThrottlingException"/>, <see cref="ModelTimeoutException"/> and
/// <see cref="ServiceUnavailableException"/> for the state machine's Retry; an answer still invalid after the repair
/// (<see cref="InvalidModelAnswerException"/>) and any other failure of the call are returned as a failed outcome, so
/// the step keeps its statistical result and CombineInsights reports the error.
/// </summary>
public sealed partial class ModelReviewer(
    IOptions<ModelOptions> options, TimeProvider time, ILogger<ModelReviewer> logger, IChatClient? client = null)
{
    private readonly ModelOptions _options = options.Value;

    public bool IsConfigured => client is not null;

    /// <exception cref="ThrottlingException">The model throttled the call.</exception>
    /// <exception cref="ModelTimeoutException">The model did not answer in time.</exception>
    /// <exception cref="ServiceUnavailableException">The model's service failed on its side.</exception>
    public async Task<ModelReviewOutcome> ReviewAsync(FactSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (client is null || sheet.Facts.Count == 0)
        {
            return ModelReviewOutcome.None;
        }

        var model = _options.Id ?? "model";
        var messages = ModelPrompt.Messages(sheet);
        try
        {
            var answer = await AskAsync(messages, cancellationToken);
            var (problems, review) = ModelAnswerValidator.Validate(sheet, answer, model);
            if (review is null)
            {
                LogRepair(logger, sheet.Section, problems.Count, string.Join("; ", problems));
                messages.Add(new ChatMessage(ChatRole.Assistant, answer));
                messages.Add(new ChatMessage(ChatRole.User, ModelPrompt.RepairText(problems)));
                answer = await AskAsync(messages, cancellationToken);
                (problems, review) = ModelAnswerValidator.Validate(sheet, answer, model);
            }

            if (review is null)
            {
                var invalid = new InvalidModelAnswerException(problems);
                LogFailed(logger, sheet.Section, nameof(InvalidModelAnswerException), invalid.Message);
                return ModelReviewOutcome.Failure(nameof(InvalidModelAnswerException), invalid.Message);
            }

            return ModelReviewOutcome.Succeeded(review);
        }
        catch (Exception e) when (!ModelErrors.IsTransient(e) && e is not OperationCanceledException)
        {
            LogFailed(logger, sheet.Section, e.GetType().Name, e.Message);
            return ModelReviewOutcome.Failure(e.GetType().Name, e.Message);
        }
    }

    private async Task<string> AskAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var chatOptions = new ChatOptions { MaxOutputTokens = _options.MaxOutputTokens, Temperature = 0f };
        try
        {
            var response = await client!.GetResponseAsync(messages, chatOptions, linked.Token);
            return response.Text;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our deadline, or the client's own timeout (a TaskCanceledException around a TimeoutException).
            throw new ModelTimeoutException($"The model did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
        catch (TimeoutException e)
        {
            throw new ModelTimeoutException($"The model did not answer in time: {e.Message}", e);
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status && ModelErrors.FromStatus((int)status, e.Message, e) is { } typed)
        {
            throw typed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section}: the model's answer has {Count} problem(s), asking for a repair: {Problems}")]
    private static partial void LogRepair(ILogger logger, AnalysisSection section, int count, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section}: keeping the statistical result; the model failed with {Error}: {Cause}")]
    private static partial void LogFailed(ILogger logger, AnalysisSection section, string error, string cause);
}
