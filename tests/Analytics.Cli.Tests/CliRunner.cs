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
    public Task<(int ExitCode, string Output, string Errors)> RunWithErrorsAsync(params string[] args) =>
        CapturedAsync(() => AnalyticsCommandLine.RunAsync([.. args, "--data-dir", DataDirectory]));

    /// <summary>Runs <paramref name="run"/> with the console's output and errors captured; returns its exit code and both.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> CapturedAsync(Func<Task<int>> run)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var exitCode = await run();
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
