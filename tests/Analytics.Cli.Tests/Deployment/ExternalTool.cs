using System.Diagnostics;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>Runs a program of this machine (cfn-lint, npm, python3, dotnet) and captures what it printed.</summary>
internal static class ExternalTool
{
    /// <summary>The executable's full path on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}

/// <summary>A fact that needs a program on PATH: skipped, saying which and how to get it, where it is missing.</summary>
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool, string howToInstall, bool needsSharedFolder = false)
    {
        if (ExternalTool.Find(tool) is null)
        {
            Skip = $"{tool} is not on PATH ({howToInstall}); test skipped.";
        }
        else if (needsSharedFolder && SharedFolder.Directory is null)
        {
            Skip = SharedFolder.SkipReason;
        }
    }
}
