namespace Analytics.Functions.Hosting;

/// <summary>
/// What the <c>dotnet10</c> managed runtime calls for one step: a public type with a public parameterless
/// constructor and a public <c>Task&lt;Stream&gt; HandleAsync(Stream)</c> (the runtime finds inherited methods).
/// Each step declares a one-line subclass, e.g. <c>public sealed class ProcessUploadFunction : LambdaEntryPoint&lt;ProcessUploadStep&gt;;</c>,
/// whose handler string is <c>Analytics.Functions::Analytics.Functions.UploadProcessing.ProcessUploadFunction::HandleAsync</c>.
/// The runtime creates the instance once per container, so the service provider is built once per container and
/// each invocation gets its own scope.
/// </summary>
public abstract class LambdaEntryPoint<TStep>
    where TStep : class
{
    /// <summary>How long before the function's timeout the handler's cancellation token fires, to leave time to fail cleanly.</summary>
    private static readonly TimeSpan s_timeoutMargin = TimeSpan.FromSeconds(1);
    private readonly StepInvoker _invoker;

    /// <summary>Used by the Lambda runtime: builds the production service provider (<see cref="Startup"/>).</summary>
    protected LambdaEntryPoint() : this(Startup.BuildServiceProvider())
    {
    }

    /// <summary>Runs the step against the given services (tests, local runs).</summary>
    protected LambdaEntryPoint(IServiceProvider services) =>
        _invoker = new StepInvoker(services, StepDescriptor.ForStep(typeof(TStep)));

    /// <summary>The Lambda handler: the raw event in, the step's JSON response out.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        var budget = TimeSpan.FromSeconds(_invoker.Step.Function.Timeout) - s_timeoutMargin;
        using var timeout = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.FromSeconds(_invoker.Step.Function.Timeout));
        var output = new MemoryStream();
        await _invoker.InvokeAsync(input, output, timeout.Token);
        output.Position = 0;
        return output;
    }
}
