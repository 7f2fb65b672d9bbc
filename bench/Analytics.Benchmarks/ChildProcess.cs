using System.Diagnostics;

namespace Analytics.Benchmarks;

/// <summary>This benchmark run again in a new process (a fresh peak working set per measurement).</summary>
internal static class ChildProcess
{
    /// <summary>Runs this program with <paramref name="arguments"/> and returns what it printed (or why it failed).</summary>
    public static string Run(IReadOnlyList<string> arguments)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd().TrimEnd();
        child.WaitForExit();
        return child.ExitCode == 0 ? output : $"failed (exit {child.ExitCode}): {output}";
    }
}
