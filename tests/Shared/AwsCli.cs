using System.Diagnostics;

namespace Analytics.Testing;

/// <summary>
/// The real AWS CLI (<c>aws</c>, v1 here) pointed at a local endpoint with dummy credentials, as a team would use it
/// against <c>analytics serve</c>. Tests that need it use <see cref="AwsCliFactAttribute"/>: skipped, saying so, where
/// no <c>aws</c> is on the PATH.
/// </summary>
internal static class AwsCli
{
    public static string? Executable { get; } = Find();

    public const string SkipReason = "The AWS CLI (aws) is not on the PATH: install it (pip install awscli, or the v2 installer) to run this test.";

    /// <summary>Runs <c>aws</c> with <paramref name="args"/> (add <c>--endpoint-url</c> yourself); returns its exit code,
    /// stdout and stderr. Region us-east-1, credentials test/test, no pager, JSON output.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(SkipReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_DEFAULT_OUTPUT"] = "json";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        // StartSyncExecution's endpoint has the host prefix "sync-", which would send it to sync-127.0.0.1.
        start.Environment["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "aws"))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that drives the real AWS CLI: skipped, with the reason, where it is missing.</summary>
internal sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute()
    {
        if (AwsCli.Executable is null)
        {
            Skip = AwsCli.SkipReason;
        }
    }
}
