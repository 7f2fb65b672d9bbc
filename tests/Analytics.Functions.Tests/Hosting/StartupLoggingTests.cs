using System.Text.Json;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.Tests.Hosting;

[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

[Collection(nameof(ConsoleCapture))]
public sealed class StartupLoggingTests
{
    [Fact]
    public void AddJsonConsole_LogsWithScope_WritesOneJsonObjectPerLineOnStdout()
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            using (var services = new ServiceCollection()
                       .AddLogging(logging => Startup.AddJsonConsole(logging, new ConfigurationBuilder().Build()))
                       .BuildServiceProvider())
            {
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Test");
                using (logger.BeginScope(new Dictionary<string, object> { ["Function"] = "ProcessUpload" }))
                {
#pragma warning disable CA1848, CA1873 // a one-off log line in a test
                    logger.LogInformation("Processed {StoreDays} store-days", 3);
#pragma warning restore CA1848, CA1873
                }
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        var line = Assert.Single(captured.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("3", entry.RootElement.GetProperty("State").GetProperty("StoreDays").ToString());
        Assert.Contains("ProcessUpload", entry.RootElement.GetProperty("Scopes").GetRawText(), StringComparison.Ordinal);
        Assert.EndsWith("Z", entry.RootElement.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
    }
}
