using System.CommandLine;
using Analytics.Cli.Embedded;
using Analytics.Domain;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Commands;

/// <summary>
/// The local composition root: the same domain and steps as in Lambda, with the embedded adapters (SQLite, a
/// folder as bucket) under the data directory.
/// </summary>
internal sealed class LocalEnvironment(Option<DirectoryInfo?> dataDirectoryOption)
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

    public ServiceProvider BuildServices(ParseResult parseResult)
    {
        var dataDirectory = DataDirectory(parseResult);
        Directory.CreateDirectory(dataDirectory);
        return new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddAnalyticsDomain()
            .AddAnalyticsSteps()
            .AddEmbeddedAdapters(dataDirectory)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
