using Analytics.Domain;
using Analytics.Domain.Analysis;
using Analytics.Functions.Aws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Functions.Hosting.Runtime;

/// <summary>
/// What one function's environment holds once initialized: the production services (<see cref="Startup"/>) and the
/// invoker of the step that <c>ANALYTICS_STEP</c> names. Everything the configuration must say is checked here, at
/// init, so a misconfigured function fails its init with every problem listed rather than its first invocation.
/// </summary>
public sealed class LambdaHost(ServiceProvider services, StepInvoker invoker) : IAsyncDisposable
{
    /// <summary>The environment variable the template sets on each function: the step's resource name, e.g. <c>ProcessUpload</c>.</summary>
    public const string StepVariable = "ANALYTICS_STEP";

    public IServiceProvider Services => services;

    public StepInvoker Invoker { get; } = invoker;

    /// <exception cref="LambdaConfigurationException">The step is not named or unknown, or a setting it needs is missing or invalid.</exception>
    public static LambdaHost Create(string? stepName)
    {
        var step = string.IsNullOrWhiteSpace(stepName)
            ? throw new LambdaConfigurationException([$"{StepVariable} is not set: it names the step this function runs ({StepNames()})."])
            : StepCatalog.All.FirstOrDefault(s => s.Function.ResourceName == stepName)
              ?? throw new LambdaConfigurationException([$"{StepVariable} is '{stepName}', which is no step ({StepNames()})."]);

        var services = Startup.BuildServiceProvider();
        try
        {
            var problems = ConfigurationProblems(services, step);
            if (problems.Count > 0)
            {
                throw new LambdaConfigurationException(problems);
            }

            // Build the step's whole object graph once (clients, adapters, options) so a wiring fault fails init.
            using (var scope = services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService(step.StepType);
            }

            return new LambdaHost(services, new StepInvoker(services, step));
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    /// <summary>Every setting <paramref name="step"/> needs that is missing or invalid, by its environment variable.</summary>
    public static IReadOnlyList<string> ConfigurationProblems(IServiceProvider services, StepDescriptor step)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var analysis = services.GetRequiredService<IOptions<AnalysisOptions>>().Value;
        List<string> problems = [];
        if (string.IsNullOrWhiteSpace(storage.BucketName))
        {
            problems.Add($"{StorageOptions.SectionName}__{nameof(StorageOptions.BucketName)} is not set: the data bucket's name.");
        }

        if (step.Function.SalesTable != TableAccess.None && string.IsNullOrWhiteSpace(storage.SalesTable))
        {
            problems.Add($"{StorageOptions.SectionName}__{nameof(StorageOptions.SalesTable)} is not set: the sales table's name.");
        }

        if (TimeZones.Find(analysis.TimeZone) is null)
        {
            problems.Add($"{AnalysisOptions.Section}__{nameof(AnalysisOptions.TimeZone)} is '{analysis.TimeZone}', which is not an IANA time zone id (tz database {TimeZones.Version}).");
        }

        try
        {
            analysis.ParseClosedDates(keySeparator: "__");
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.Message);
        }

        try
        {
            analysis.ParseUploadCutoff(keySeparator: "__");
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.Message);
        }

        return problems;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static string StepNames() => "one of " + string.Join(", ", StepCatalog.All.Select(s => s.Function.ResourceName));
}
