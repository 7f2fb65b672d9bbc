using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.Hosting.Runtime;

/// <summary>
/// The Lambda Runtime API loop of one function: initialize once (an init error is reported and ends the process), then
/// take each event, run the step in a fresh DI scope with a cancellation token that fires before the invocation's
/// deadline, and send its JSON response or its error document. A step that does not stop when cancelled is reported
/// as timed out and the process exits, so that nothing of it runs on into the next invocation.
/// </summary>
public sealed class LambdaRuntime(RuntimeApiClient api, TimeProvider time)
{
    /// <summary>The error name of a response the Runtime API refused (larger than the payload limit, say).</summary>
    public const string ResponseRejected = "ResponseRejectedException";

    /// <summary>How long before the deadline the step's token fires, leaving time to report the failure.</summary>
    public static readonly TimeSpan CancelBeforeDeadline = TimeSpan.FromSeconds(1);

    /// <summary>How long before the deadline the runtime stops waiting for a cancelled step and reports it.</summary>
    public static readonly TimeSpan GiveUpBeforeDeadline = TimeSpan.FromMilliseconds(300);

    /// <summary>Runs until the API says stop (or <paramref name="stop"/> fires); the process's exit code.</summary>
    /// <param name="initialize">Builds the host; any exception is the function's init error.</param>
    public async Task<int> RunAsync(Func<LambdaHost> initialize, CancellationToken stop)
    {
        LambdaHost host;
        try
        {
            host = initialize();
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"Init failed: {exception.GetType().Name}: {exception.Message}");
            await api.ReportInitErrorAsync(RuntimeError.From(exception), stop);
            return 1;
        }

        var abandoned = false;
        try
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Functions.Runtime");
            while (!stop.IsCancellationRequested && !abandoned)
            {
                var invocation = await api.NextAsync(stop);
                abandoned = await InvokeAsync(host.Invoker, invocation, logger, stop);
            }

            return abandoned ? 1 : 0;
        }
        finally
        {
            if (!abandoned)
            {
                await host.DisposeAsync(); // flushes the console logger
            }
        }
    }

    /// <returns>True when the step was abandoned still running.</returns>
    private async Task<bool> InvokeAsync(StepInvoker invoker, Invocation invocation, ILogger logger, CancellationToken stop)
    {
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["AwsRequestId"] = invocation.RequestId });
        var budget = invocation.Deadline - time.GetUtcNow();
        using var deadline = new CancellationTokenSource(Positive(budget - CancelBeforeDeadline), time);
        using var output = new MemoryStream();
        var run = invoker.InvokeAsync(new MemoryStream(invocation.Event, writable: false), output, deadline.Token);
        var giveUp = Task.Delay(Positive(budget - GiveUpBeforeDeadline), time, stop);
        if (await Task.WhenAny(run, giveUp) != run)
        {
            var timeout = new StepTimeoutException(invoker.Step.Function.ResourceName, budget, stopped: false);
            Log.StepAbandoned(logger, invoker.Step.Function.ResourceName);
            await api.ReportErrorAsync(invocation.RequestId, RuntimeError.From(timeout), stop);
            return true;
        }

        RuntimeError? error = null;
        try
        {
            await run;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            error = RuntimeError.From(new StepTimeoutException(invoker.Step.Function.ResourceName, budget, stopped: true));
        }
        catch (Exception exception)
        {
            error = RuntimeError.From(exception);
        }

        if (error is null && await api.RespondAsync(invocation.RequestId, output.GetBuffer().AsMemory(0, (int)output.Length), stop) is { } refused)
        {
            error = new RuntimeError(ResponseRejected, $"The Runtime API refused the step's response of {output.Length} bytes: {refused}", []);
        }

        if (error is not null)
        {
            await api.ReportErrorAsync(invocation.RequestId, error, stop);
        }

        return false;
    }

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;
}
