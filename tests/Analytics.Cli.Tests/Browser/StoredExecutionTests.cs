using Analytics.Cli.Browser;
using StatesLanguage.Server.Console;
using StatesLanguage.Server.Tests.Console.Support;

namespace Analytics.Cli.Tests.Browser;

public sealed class StoredExecutionTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("browser-executions-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Events_SavedByTheExecutionStore_GiveTheSameTraceAsTheLiveHistory()
    {
        var result = await RealMachines.RunDailyAnalysisAsync(("GenerateRecommendations", "ThrottlingException"));
        var model = await BrowserSamples.SaveAndReadAsync(_folder.FullName, "daily-analysis", RealMachines.Load(RealMachines.DailyAnalysis),
            System.Text.Json.Nodes.JsonNode.Parse("""{"date":"2026-12-01"}"""), result);

        var live = ExecutionTrace.From(result.History.Events);
        var stored = ExecutionTrace.From(model.Events);

        Assert.Equal(result.History.Count, model.Events.Count);
        Assert.Equal(live.Runs.Select(r => (r.StateName, r.Outcome, r.Error, r.Cause, r.Entered, r.Exited)),
                     stored.Runs.Select(r => (r.StateName, r.Outcome, r.Error, r.Cause, r.Entered, r.Exited)));
        Assert.Equal(StateRunOutcome.Caught, stored.OutcomeOf("GenerateRecommendations"));
        Assert.Equal(RunStatus.Succeeded, model.Execution.Status);
        Assert.Equal("daily-analysis", model.Execution.StateMachine);
        Assert.Equal(result.History.Events[0].Timestamp, model.Execution.Start);
        Assert.Equal(result.History.Events[^1].Timestamp, model.Execution.Stop);
    }

    [Fact]
    public async Task Summary_FailedUpload_ReadsStatusAndError()
    {
        var result = await RealMachines.RunRejectedUploadAsync();
        var model = await BrowserSamples.SaveAndReadAsync(_folder.FullName, "upload-processor", RealMachines.Load(RealMachines.UploadProcessor), null, result);

        Assert.Equal(RunStatus.Failed, model.Execution.Status);
        Assert.Equal("InvalidUploadException", model.Error);
        Assert.Equal(StateRunOutcome.Failed, ExecutionTrace.From(model.Events).OutcomeOf("UploadRejected"));
    }

    [Theory]
    [InlineData("RUNNING", "Running")]
    [InlineData("SUCCEEDED", "Succeeded")]
    [InlineData("FAILED", "Failed")]
    [InlineData("TIMED_OUT", "TimedOut")]
    [InlineData("ABORTED", "Aborted")]
    public void Parse_AwsStatus_IsTheRunStatus(string text, string expected) => Assert.Equal(Enum.Parse<RunStatus>(expected), RunStatusText.Parse(text));
}
