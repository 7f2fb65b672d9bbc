using Analytics.Cli.Commands;

namespace Analytics.Cli.Tests;

/// <summary>Runs the <c>analytics</c> command in-process against a temporary data folder, capturing stdout.</summary>
internal sealed class CliRunner : IDisposable
{
    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("analytics-cli-");

    public string DataDirectory => Path.Combine(Root.FullName, "data");

    public string Bucket => Path.Combine(DataDirectory, "bucket");

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var exitCode = await AnalyticsCommandLine.Create().Parse([.. args, "--data-dir", DataDirectory]).InvokeAsync();
            return (exitCode, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    public void Dispose() => Root.Delete(recursive: true);
}

[CollectionDefinition(nameof(SerialConsole), DisableParallelization = true)]
public sealed class SerialConsole;
