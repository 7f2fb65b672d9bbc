using System.CommandLine;
using Analytics.Cli.Embedded;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Commands;

/// <summary>
/// The local composition root: the same domain and steps as in Lambda, with the embedded adapters (SQLite, a
/// folder as bucket) under the data directory.
/// </summary>
internal sealed class LocalEnvironment(Option<DirectoryInfo?> dataDirectoryOption, Option<bool> instantWaitsOption)
{
    public const string DataDirectoryVariable = "ANALYTICS_DATA_DIR";

    public string DataDirectory(ParseResult parseResult)
    {
        if (parseResult.GetValue(dataDirectoryOption) is { } option)
        {
            return option.FullName;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(DataDirectoryVariable);
        return Path.GetFullPath(string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(Environment.CurrentDirectory, ".analytics") : fromEnvironment);
    }

    public ServiceProvider BuildServices(ParseResult parseResult, Action<IServiceCollection>? configure = null) =>
        CreateServices(DataDirectory(parseResult), parseResult.GetValue(instantWaitsOption), configure);

    /// <summary>The domain, the steps, the embedded adapters and the local workflow runner over <paramref name="dataDirectory"/>.</summary>
    /// <param name="configure">Last changes to the registrations (tests put fault injectors in front of adapters here).</param>
    public static ServiceProvider CreateServices(string dataDirectory, bool instantWaits = false, Action<IServiceCollection>? configure = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var services = new ServiceCollection();
        services
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddAnalyticsDomain()
            .AddAnalyticsSteps()
            .AddEmbeddedAdapters(dataDirectory)
            .AddSingleton(provider => new LocalWorkflows(provider, dataDirectory, provider.GetRequiredService<TimeProvider>(), instantWaits));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
