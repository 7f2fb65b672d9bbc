using Analytics.Testing;

namespace StatesLanguage.Server.Tests;

/// <summary>The real AWS CLI's <c>aws stepfunctions ...</c> against a local endpoint (see <see cref="AwsCli"/>).</summary>
internal static class StepFunctionsCli
{
    /// <summary>Runs <c>aws stepfunctions &lt;arguments&gt; --endpoint-url &lt;endpoint&gt; --output json</c>; returns the
    /// exit code, standard output and standard error.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(Uri endpoint, params string[] arguments) =>
        AwsCli.RunAsync(["stepfunctions", .. arguments, "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json"]);

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
