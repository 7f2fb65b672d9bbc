using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Analytics.Cli.Tests;

/// <summary>A planted demo chain of its own: the runs below add daily-analysis executions the other fixtures' tests
/// do not expect.</summary>
public sealed class JsonataChainFixture() : DemoChainFixture(plant: true);

/// <summary>The product's daily-analysis machine rewritten in JSONata (a test fixture, not a deployed machine) runs
/// as the JSONPath one does (issue 15): the same states in the same order, the same report.</summary>
[Collection(nameof(SerialConsole))]
public sealed partial class JsonataDailyAnalysisTests(JsonataChainFixture chain) : IClassFixture<JsonataChainFixture>
{
    private static readonly string JsonataDefinition = Path.Combine(AppContext.BaseDirectory, "Fixtures", "daily-analysis.jsonata.asl.json");

    [Fact]
    public async Task StatesRun_JsonataDailyAnalysis_GivesTheSameRunAsTheJsonPathOne()
    {
        var input = Path.Combine(chain.Cli.DataDirectory, "daily-input.json");
        await File.WriteAllTextAsync(input, $$"""{"date":"{{DemoChainFixture.LastDate:yyyy-MM-dd}}"}""");

        var (jsonPathExit, jsonPathOutput) = await chain.Cli.RunAsync("states", "run", "daily-analysis", "--input", input);
        var (jsonataExit, jsonataOutput) = await chain.Cli.RunAsync("states", "run", JsonataDefinition, "--input", input);

        Assert.Equal((0, 0), (jsonPathExit, jsonataExit));
        var (jsonPathRun, jsonataRun) = (ExecutionName().Match(jsonPathOutput).Value, ExecutionName().Match(jsonataOutput).Value);
        Assert.StartsWith("daily-analysis-", jsonPathRun, StringComparison.Ordinal);
        Assert.StartsWith("daily-analysis.jsonata-", jsonataRun, StringComparison.Ordinal);
        // The report names its run; everything else is the same.
        Assert.Equal(jsonPathOutput.Replace(jsonPathRun, "RUN", StringComparison.Ordinal), jsonataOutput.Replace(jsonataRun, "RUN", StringComparison.Ordinal));
        // The same events; in the same order but for the Parallel state's branches, which run concurrently.
        var (jsonPathEvents, jsonataEvents) = (await EventsOfAsync(jsonPathRun), await EventsOfAsync(jsonataRun));
        Assert.Equal(jsonPathEvents.Order(StringComparer.Ordinal), jsonataEvents.Order(StringComparer.Ordinal));
        Assert.Equal(OutsideBranches(jsonPathEvents), OutsideBranches(jsonataEvents));
    }

    /// <summary>The events of states outside Parallel branches, in order (events without a state, such as a Lambda
    /// function's, are left out: a branch's may come between them).</summary>
    private static List<string> OutsideBranches(List<string> events)
    {
        var definition = JsonNode.Parse(File.ReadAllText(JsonataDefinition))!["States"]!.AsObject();
        HashSet<string> inBranches =
        [
            .. definition.Select(s => s.Value!).Where(s => (string?)s["Type"] == "Parallel")
                .SelectMany(s => s["Branches"]!.AsArray()).SelectMany(b => b!["States"]!.AsObject().Select(state => state.Key)),
        ];
        Assert.NotEmpty(inBranches);
        return [.. events.Where(e => !e.EndsWith(' ') && !inBranches.Contains(e[(e.IndexOf(' ', StringComparison.Ordinal) + 1)..]))];
    }

    /// <summary>The execution's history as "type state" lines, from <c>executions show --json</c>.</summary>
    private async Task<List<string>> EventsOfAsync(string execution)
    {
        var (exitCode, output) = await chain.Cli.RunAsync("executions", "show", execution, "--json");
        Assert.Equal(0, exitCode);
        var events = JsonNode.Parse(output)!["events"]!.AsArray();
        Assert.True(events.Count > 40, $"{events.Count} events");
        return [.. events.Select(e => $"{e!["type"]} {e["stateName"]}")];
    }

    [GeneratedRegex(@"daily-analysis(\.jsonata)?-\d{8}T\d{6}-[0-9a-f]{8}")]
    private static partial Regex ExecutionName();
}
