using Analytics.Domain.Analysis;
using Analytics.Domain;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.Hosting;

/// <summary>
/// The Lambda composition root: configuration from environment variables (<c>Storage__SalesTable</c>, <c>Model__Id</c>,
/// …), JSON logs on stdout, the domain, the steps, the AWS adapters and, when <c>Model__Id</c> is set, the Bedrock model.
/// </summary>
public static class Startup
{
    public static ServiceProvider BuildServiceProvider()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => AddJsonConsole(logging, configuration))
            .AddAnalyticsDomain()
            .AddAnalyticsSteps()
            .AddAwsAdapters(configuration)
            .AddBedrockModel(configuration);
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.Section));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>One JSON object per line on stdout, with UTC timestamps and scopes (the step name), as CloudWatch indexes them.</summary>
    public static void AddJsonConsole(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
