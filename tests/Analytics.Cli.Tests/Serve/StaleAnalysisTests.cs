using Analytics.Cli.Workflows;

namespace Analytics.Cli.Tests.Serve;

/// <summary>A correction that changes a past store-day marks that day's analysis stale, and says which and why.</summary>
[Collection(nameof(SerialConsole))]
public sealed class StaleAnalysisTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task UploadAsync(string name, string content)
    {
        var file = Path.Combine(_cli.Root.FullName, name);
        await File.WriteAllTextAsync(file, content);
        var (exitCode, output, errors) = await _cli.RunWithErrorsAsync("upload", file);
        Assert.True(exitCode == 0, output + errors);
    }

    private async Task<string> ListAsync()
    {
        var (exitCode, output, errors) = await _cli.RunWithErrorsAsync("executions", "list");
        Assert.True(exitCode == 0, errors);
        return output;
    }

    [Fact]
    public async Task Correction_AfterTheAnalysis_MarksItStale_ARepeatOfTheSameContentDoesNot()
    {
        await UploadAsync("a.json", SampleUploads.OneLineDay("store-0001"));
        await UploadAsync("b.json", SampleUploads.OneLineDay("store-0002"));
        var (exitCode, output, errors) = await _cli.RunWithErrorsAsync("daily", "--date", "2025-01-15");
        Assert.True(exitCode == 0, output + errors);

        await UploadAsync("b-again.json", SampleUploads.OneLineDay("store-0002"));
        var afterRepeat = await ListAsync();
        await UploadAsync("a-corrected.json", SampleUploads.OneLineDay("store-0001").Replace("\"quantity\":2", "\"quantity\":3", StringComparison.Ordinal));
        var afterCorrection = await ListAsync();

        Assert.DoesNotContain("stale", afterRepeat, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("STALE", afterCorrection, StringComparison.Ordinal);
        var day = Assert.Single(AnalysisDays.Read(new ExecutionStore(Path.Combine(_cli.DataDirectory, "executions")), _cli.Bucket));
        Assert.Equal(new DateOnly(2025, 1, 15), day.Date);
        Assert.StartsWith("store-0001's 2025-01-15 changed at ", day.StaleBecause, StringComparison.Ordinal);
    }
}
