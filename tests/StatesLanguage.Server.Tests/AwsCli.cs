using System.Diagnostics;

namespace StatesLanguage.Server.Tests;

/// <summary>Runs the real AWS CLI (<c>aws stepfunctions ...</c>) against a local endpoint with dummy credentials and
/// no configuration of this machine.</summary>
internal static class AwsCli
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => System.IO.Path.Combine(folder, "aws")).FirstOrDefault(File.Exists);

    /// <summary>Runs <c>aws stepfunctions &lt;arguments&gt; --endpoint-url &lt;endpoint&gt;</c>; returns the exit code,
    /// standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(Uri endpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("stepfunctions");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = "";
        // StartSyncExecution's endpoint has the host prefix "sync-", which would send it to sync-127.0.0.1.
        start.Environment["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Runs a command that must succeed and parses its JSON output (an empty output is an empty object).</summary>
    public static async Task<JsonObject> CallAsync(Uri endpoint, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunAsync(endpoint, arguments);
        Assert.True(exitCode == 0, $"aws stepfunctions {string.Join(' ', arguments)} exited with {exitCode}: {errors}");
        return string.IsNullOrWhiteSpace(output) ? [] : JsonNode.Parse(output)!.AsObject();
    }

    /// <summary>Runs a command that must fail; returns what it printed on standard error.</summary>
    public static async Task<string> FailAsync(Uri endpoint, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunAsync(endpoint, arguments);
        Assert.True(exitCode != 0, $"aws stepfunctions {string.Join(' ', arguments)} succeeded: {output}");
        return errors.Trim();
    }
}

/// <summary>A fact that needs the AWS CLI; skipped, saying so, where <c>aws</c> is not on PATH.</summary>
internal sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute()
    {
        if (AwsCli.Path is null)
            Skip = "aws (the AWS CLI: pip install awscli) is not on PATH; the AWS CLI test was skipped.";
    }
}
