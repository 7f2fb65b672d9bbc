using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.Hosting;

/// <summary>
/// Runs one step from JSON to JSON: reads the request with <see cref="StepJsonContext"/>, resolves the step in a
/// fresh DI scope, calls it, and writes the response. Exceptions from the step escape unchanged (never wrapped),
/// because their short type name is the error name Step Functions matches. The Lambda entry points and the
/// local workflow runner both go through here, so deployed and local JSON cannot drift.
/// </summary>
public sealed class StepInvoker(IServiceProvider services, StepDescriptor step)
{
    private readonly JsonTypeInfo _requestInfo = StepJsonContext.Default.GetTypeInfo(step.RequestType)
        ?? throw new InvalidOperationException($"{step.RequestType} is not registered in {nameof(StepJsonContext)}.");
    private readonly JsonTypeInfo _responseInfo = StepJsonContext.Default.GetTypeInfo(step.ResponseType)
        ?? throw new InvalidOperationException($"{step.ResponseType} is not registered in {nameof(StepJsonContext)}.");
    private readonly ILogger _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Functions.Step");

    public StepDescriptor Step { get; } = step;

    /// <summary>Invokes the step with the JSON in <paramref name="request"/> and writes its JSON response to <paramref name="response"/>.</summary>
    /// <exception cref="InvalidStepInputException">The request is not JSON of the step's request type.</exception>
    public async Task InvokeAsync(Stream request, Stream response, CancellationToken cancellationToken)
    {
        var name = Step.Function.ResourceName;
        using var logScope = _logger.BeginScope(new Dictionary<string, object> { ["Function"] = name });
        var input = await ReadRequestAsync(request, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        Log.StepStarted(_logger, name);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var instance = scope.ServiceProvider.GetRequiredService(Step.StepType);
            var task = (Task)Step.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, [input, cancellationToken], culture: null)!;
            await task;
            var result = task.GetType().GetProperty(nameof(Task<>.Result))!.GetValue(task);
            await JsonSerializer.SerializeAsync(response, result, _responseInfo, cancellationToken);
            Log.StepSucceeded(_logger, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception)
        {
            Log.StepFailed(_logger, exception, name, exception.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private async Task<object> ReadRequestAsync(Stream request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request, _requestInfo, cancellationToken)
                   ?? throw new InvalidStepInputException(Step.Function.ResourceName, "the input is null");
        }
        catch (JsonException exception)
        {
            throw new InvalidStepInputException(Step.Function.ResourceName, exception.Message, exception);
        }
    }
}
