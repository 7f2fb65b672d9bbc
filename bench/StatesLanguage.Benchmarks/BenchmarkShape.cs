using System.Text.Json.Nodes;
using StatesLanguage.Evaluation;

namespace StatesLanguage.Benchmarks;

/// <summary>One machine of bench/machines with the input every execution gets and the number of executions to warm
/// up with. The input is built once and shared: the engine never mutates its input. A machine rewritten in JSONata
/// names its JSONPath <see cref="Twin"/>: a first execution of each must give the same output, and the npm peer's
/// figures for the twin are the comparison (the peer cannot run JSONata machines).</summary>
internal sealed record BenchmarkShape(string Name, StateMachine Machine, JsonNode Input, int WarmUpExecutions, BenchmarkShape? Twin = null)
{
    public const int MapItems = 10_000;

    public static BenchmarkShape DailyAnalysis(string machinesFolder) => new(
        "daily-analysis shape",
        Load(machinesFolder, "daily-analysis-shape.asl.json"),
        new JsonObject { ["date"] = "2025-01-15" },
        WarmUpExecutions: 2_000);

    public static BenchmarkShape Map(string machinesFolder) => new(
        $"Map over {MapItems:N0} items",
        Load(machinesFolder, "map-10000.asl.json"),
        new JsonObject { ["items"] = new JsonArray([.. Enumerable.Range(0, MapItems).Select(Item)]) },
        WarmUpExecutions: 3);

    public static BenchmarkShape DailyAnalysisJsonata(string machinesFolder)
    {
        var twin = DailyAnalysis(machinesFolder);
        return twin with
        {
            Name = "daily-analysis JSONata",
            Machine = Load(machinesFolder, "daily-analysis-shape.jsonata.asl.json"),
            Twin = twin,
        };
    }

    public static BenchmarkShape MapJsonata(string machinesFolder)
    {
        var twin = Map(machinesFolder);
        return twin with
        {
            Name = $"Map {MapItems:N0} JSONata",
            Machine = Load(machinesFolder, "map-10000.jsonata.asl.json"),
            Twin = twin,
        };
    }

    /// <summary>The same small item as bench/peer/run.mjs builds.</summary>
    private static JsonObject Item(int index) => new()
    {
        ["id"] = index,
        ["qty"] = index % 7 + 1,
    };

    private static StateMachine Load(string folder, string file) =>
        StateMachine.Parse(File.ReadAllText(Path.Combine(folder, file)));
}
