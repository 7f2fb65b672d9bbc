using Analytics.Cli.Commands;

namespace Analytics.Cli.Tests;

/// <summary>Runs the <c>analytics</c> command in-process against a temporary data folder, capturing stdout.</summary>
public sealed class CliRunner : IDisposable
{
    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("analytics-cli-");

    public string DataDirectory => Path.Combine(Root.FullName, "data");

    public string Bucket => Path.Combine(DataDirectory, "bucket");

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var (exitCode, output, _) = await RunWithErrorsAsync(args);
        return (exitCode, output);
    }

    /// <summary>Runs the command and returns its exit code, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> RunWithErrorsAsync(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var exitCode = await AnalyticsCommandLine.RunAsync([.. args, "--data-dir", DataDirectory]);
            return (exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    public void Dispose() => Root.Delete(recursive: true);
}

[CollectionDefinition(nameof(SerialConsole), DisableParallelization = true)]
public sealed class SerialConsole;
