using Analytics.Testing;
using System.Text.Json.Nodes;

namespace Analytics.Cli.Tests;

[Collection(nameof(SerialConsole))]
public sealed class StatesCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_cli.Root.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("upload-processor.asl.json")]
    [InlineData("daily-analysis.asl.json")]
    public async Task Validate_TheProductsDefinitions_AreValid(string file)
    {
        var (exitCode, output) = await _cli.RunAsync("states", "validate", Path.Combine(SharedFolder.Repository, "state-machines", file));

        Assert.Equal(0, exitCode);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenDefinition_ExitsTwoAndListsEveryProblem()
    {
        var path = Write("bad.asl.json", """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"C":{"Type":"Succeed"}}}""");

        var (exitCode, _, errors) = await _cli.RunWithErrorsAsync("states", "validate", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("$.States.A.Next", errors, StringComparison.Ordinal);
        Assert.Contains("$.States.C", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithMockConfig_PrintsOneJsonObjectWithTheOutput()
    {
        var definition = Write("pipeline.asl.json", """
            {"StartAt":"Analyse","States":{
              "Analyse":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"Analyse","Payload.$":"$"},
                         "OutputPath":"$.Payload","Retry":[{"ErrorEquals":["ThrottlingException"],"IntervalSeconds":30,"MaxAttempts":2}],"End":true}}}
            """);
        var mocks = Write("mocks.json", """
            {"StateMachines":{"pipeline":{"TestCases":{"Throttled":{"Analyse":"ThrottledThenOk"}}}},
             "MockedResponses":{"ThrottledThenOk":{"0":{"Throw":{"Error":"ThrottlingException","Cause":"slow down"}},
                                                 "1":{"Return":{"StatusCode":200,"Payload":{"ok":true}}}}}}
            """);
        var input = Write("input.json", """{"date":"2025-01-15"}""");

        var (exitCode, output) = await _cli.RunAsync("states", "run", definition, "--input", input, "--mock-config", mocks,
                                                     "--test-case", "Throttled", "--instant-waits");

        Assert.Equal(0, exitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"status":"SUCCEEDED","output":{"ok":true}}"""), JsonNode.Parse(output)), output);
    }

    [Fact]
    public async Task Run_SnsPublish_WritesTheMessageToTheTopicsOutboxAndReturnsItsMessageId()
    {
        var definition = Write("notify.asl.json", """
            {"StartAt":"Notify","States":{"Notify":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
              "Parameters":{"TopicArn":"${sns_alerts_topic_arn}","Subject":"Daily analysis failed","Message.$":"$.text"},"End":true}}}
            """);
        var input = Write("input.json", """{"text":"GetStoreSummaries failed: ThrottlingException"}""");

        var (exitCode, output) = await _cli.RunAsync("states", "run", definition, "--input", input);

        Assert.Equal(0, exitCode);
        var messageId = (string)JsonNode.Parse(output)!["output"]!["MessageId"]!;
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDirectory, "outbox", "analytics-alerts")));
        var text = File.ReadAllText(file);
        Assert.EndsWith($"-{messageId}.txt", file, StringComparison.Ordinal);
        Assert.Contains("Subject: Daily analysis failed\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nGetStoreSummaries failed: ThrottlingException", text, StringComparison.Ordinal);
        Assert.Equal(200, (int)JsonNode.Parse(output)!["output"]!["SdkHttpMetadata"]!["HttpStatusCode"]!);
    }

    [Fact]
    public async Task Run_FailingMachine_ExitsOneWithErrorAndCause()
    {
        var definition = Write("fails.asl.json", """{"StartAt":"No","States":{"No":{"Type":"Fail","Error":"NoDataAvailable","Cause":"nothing"}}}""");

        var (exitCode, output) = await _cli.RunAsync("states", "run", definition);

        Assert.Equal(1, exitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"status":"FAILED","error":"NoDataAvailable","cause":"nothing"}"""), JsonNode.Parse(output)), output);
    }

    [Fact]
    public async Task Run_MockConfigWithOneStateMachineOfAnotherName_UsesItsMocks()
    {
        // The conformance corpus's way: the file's only machine is "Machine", whatever the definition's file is called.
        var definition = Write("def.asl.json", """
            {"StartAt":"Analyse","States":{"Analyse":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Nowhere","End":true}}}
            """);
        var mocks = Write("mocks.json", """
            {"StateMachines":{"Machine":{"TestCases":{"Case":{"Analyse":"Ok"}}}},"MockedResponses":{"Ok":{"0":{"Return":{"mocked":true}}}}}
            """);

        var (exitCode, output) = await _cli.RunAsync("states", "run", definition, "--mock-config", mocks, "--test-case", "Case");

        Assert.Equal(0, exitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"status":"SUCCEEDED","output":{"mocked":true}}"""), JsonNode.Parse(output)), output);
    }

    [Theory]
    [InlineData(null, "Case", "has the state machines First, Second; say which to use with --state-machine")]
    [InlineData("Third", "Case", "there is no state machine 'Third' in it; it has the state machines First, Second.")]
    [InlineData("Second", "Other", "state machine 'Second' has no test case 'Other'; it has Case.")]
    public async Task Run_MockConfigThatNamesNoMachineOrCaseToUse_IsBadUsageNamingWhatTheFileHas(string? machine, string testCase, string message)
    {
        var definition = Write("def.asl.json", """{"StartAt":"Ok","States":{"Ok":{"Type":"Succeed"}}}""");
        var mocks = Write("mocks.json", """
            {"StateMachines":{"First":{"TestCases":{"Case":{}}},"Second":{"TestCases":{"Case":{}}}},"MockedResponses":{}}
            """);
        string[] arguments = ["states", "run", definition, "--mock-config", mocks, "--test-case", testCase, .. machine is null ? [] : new[] { "--state-machine", machine }];

        var (exitCode, output, errors) = await _cli.RunWithErrorsAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MockConfigWithoutTestCase_IsBadUsage()
    {
        var definition = Write("ok.asl.json", """{"StartAt":"Ok","States":{"Ok":{"Type":"Succeed"}}}""");

        var (exitCode, output, errors) = await _cli.RunWithErrorsAsync("states", "run", definition, "--mock-config", definition);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("--test-case", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executions_AfterARun_ListAndShowTheHistory()
    {
        var definition = Write("ok.asl.json", """{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"world","End":true}}}""");
        await _cli.RunAsync("states", "run", definition);

        var (listed, list) = await _cli.RunAsync("executions", "list");
        var name = list.Split(['│', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("ok-", StringComparison.Ordinal));
        var (shown, show) = await _cli.RunAsync("executions", "show", name);

        Assert.Equal((0, 0), (listed, shown));
        Assert.Contains("SUCCEEDED", list, StringComparison.Ordinal);
        Assert.Contains("PassStateEntered stateName=Hello", show, StringComparison.Ordinal);
        Assert.Contains("ExecutionSucceeded", show, StringComparison.Ordinal);
    }
}
