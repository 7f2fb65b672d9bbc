using System.Text.Json.Nodes;
using StatesLanguage.Evaluation;

namespace StatesLanguage.Benchmarks;

/// <summary>One machine of bench/machines with the input every execution gets and the number of executions to warm
/// up with. The input is built once and shared: the engine never mutates its input.</summary>
internal sealed record BenchmarkShape(string Name, StateMachine Machine, JsonNode Input, int WarmUpExecutions)
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

    /// <summary>The same small item as bench/peer/run.mjs builds.</summary>
    private static JsonObject Item(int index) => new()
    {
        ["id"] = index,
        ["qty"] = index % 7 + 1,
    };

    private static StateMachine Load(string folder, string file) =>
        StateMachine.Parse(File.ReadAllText(Path.Combine(folder, file)));
}
