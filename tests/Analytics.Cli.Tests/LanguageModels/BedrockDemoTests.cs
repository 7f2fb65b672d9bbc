using Analytics.Domain;
using Analytics.Functions.Aws;
using Analytics.Functions.DailyAnalysis;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests.LanguageModels;

/// <summary><c>analytics demo</c> with a model behind a Bedrock-compatible endpoint, as a user runs it.</summary>
[Collection(nameof(SerialConsole))]
public sealed class BedrockDemoTests(ITestOutputHelper output)
{
    private static readonly DateOnly LastDate = new(2025, 1, 15);

    [Fact]
    public async Task Demo_FakeBedrockAnswersWell_ReportCarriesTheModelsTextBesideTheStatistics()
    {
        await using var bedrock = await FakeBedrock.StartAsync();
        bedrock.Know(ChainBedrockCredentials.FakeAccessKey, ChainBedrockCredentials.FakeSecret);
        using var cli = new CliRunner();

        var (exitCode, stdout) = await cli.RunAsync("demo", "--stores", "12", "--days", "63", "--last-date", IsoDate.Format(LastDate),
                                                    "--model-id", FakeBedrock.ModelId, "--bedrock-endpoint", bedrock.Url.ToString());

        Assert.True(exitCode == 0, stdout);
        Assert.Contains($"An AI model ranked and explained the statistical findings of {DetectAnomaliesStep.StateName}, {AnalyzeTrendsStep.StateName}, {GenerateRecommendationsStep.StateName}", stdout, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(cli.Bucket, AnalysisKeys.TextReport(LastDate)));
        var html = File.ReadAllText(Path.Combine(cli.Bucket, AnalysisKeys.HtmlReport(LastDate)));
        Assert.Contains($"AI model's reading ({FakeBedrock.ModelId}; every figure", text, StringComparison.Ordinal);
        Assert.Contains(FakeBedrock.Summary, text, StringComparison.Ordinal);
        Assert.Contains("findings from AI model", text, StringComparison.Ordinal);
        Assert.Contains("<div class=\"model-review\">", html, StringComparison.Ordinal);
        Assert.Contains(FakeBedrock.Summary, html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge model\">from AI model</span>", html, StringComparison.Ordinal);
        Assert.Contains("ANOMALIES (", text, StringComparison.Ordinal); // the statistics are still there

        output.WriteLine(text);
        var requests = bedrock.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.True(r.Signature.WellFormed && r.Signature.BodyHashMatches, r.Signature.Detail);
            Assert.Equal("bedrock", r.Signature.Service);
            // Without AWS credentials on the machine the CLI signs with the fake ones, whose secret the fake knows.
            Assert.True(r.Signature.AccessKey != ChainBedrockCredentials.FakeAccessKey || r.Signature.SignatureMatches, r.Signature.Detail);
            Assert.True(r.BodyProblems.Count == 0, string.Join("; ", r.BodyProblems));
        });
    }
}
