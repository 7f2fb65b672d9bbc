using System.Text.Json.Nodes;
using Analytics.Functions.Hosting;
using Analytics.Testing;

namespace Analytics.Cli.Tests;

/// <summary><c>analytics invoke</c> with the sample events of <c>events/</c>: one per step, each runs.</summary>
[Collection(nameof(SerialConsole))]
public sealed class InvokeCommandTests : IDisposable
{
    private static readonly string SampleUpload = SampleUploads.OneLineDay();

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string EventFile(string step) => Path.Combine(SharedFolder.Repository, "events", $"{step}.json");

    [Fact]
    public void Events_EveryStep_HasASampleEvent() =>
        Assert.All(StepCatalog.All, step => Assert.True(File.Exists(EventFile(step.Function.ResourceName)), $"events/{step.Function.ResourceName}.json is missing"));

    [Fact]
    public async Task Invoke_ProcessUploadWithItsSampleEvent_PrintsTheStepsResponse()
    {
        var key = (string)JsonNode.Parse(File.ReadAllText(EventFile("ProcessUpload")))!["detail"]!["object"]!["key"]!;
        var target = Path.Combine(_cli.Bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, SampleUpload);

        var (exitCode, output) = await _cli.RunAsync("invoke", "ProcessUpload", "--event", EventFile("ProcessUpload"));

        Assert.Equal(0, exitCode);
        var response = JsonNode.Parse(output)!;
        Assert.Equal(("accepted", 20.00m), ((string?)response["status"], (decimal)response["netRevenue"]!));
    }

    [Fact]
    public async Task Invoke_ObjectMissing_PrintsTheLambdaErrorDocumentAndExitsOne()
    {
        var (exitCode, output) = await _cli.RunAsync("invoke", "ProcessUpload", "--event", EventFile("ProcessUpload"));

        Assert.Equal(1, exitCode);
        Assert.Equal("ObjectNotFoundException", (string?)JsonNode.Parse(output)!["errorType"]);
    }

    [Fact]
    public async Task Invoke_UnknownStep_IsBadUsage()
    {
        var (exitCode, _, errors) = await _cli.RunWithErrorsAsync("invoke", "NoSuchStep", "--event", EventFile("ProcessUpload"));

        Assert.Equal(2, exitCode);
        Assert.Contains("NoSuchStep", errors, StringComparison.Ordinal);
    }
}
