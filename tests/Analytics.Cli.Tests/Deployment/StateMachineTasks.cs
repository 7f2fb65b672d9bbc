using System.Text.Json.Nodes;
using Analytics.Functions.Hosting;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>The Task states of the committed state machines, in document order (a Parallel's branches and a Map's
/// processor where they stand), with the step each one invokes.</summary>
internal static class StateMachineTasks
{
    public static readonly string[] Machines = ["upload-processor", "daily-analysis"];

    /// <summary>A Task state: its name, definition, and the step whose ARN variable is its resource (null for a service
    /// integration such as sns:publish).</summary>
    public sealed record TaskState(string Machine, string Name, JsonObject Definition, StepDescriptor? Step);

    public static IReadOnlyList<TaskState> Of(string machine) => Of(machine, Definition(machine));

    public static JsonObject Definition(string machine) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Repository, "state-machines", machine + ".asl.json")))!.AsObject();

    public static IReadOnlyList<TaskState> Of(string machine, JsonObject definition)
    {
        var tasks = new List<TaskState>();
        Collect(machine, definition, tasks);
        return tasks;
    }

    /// <summary>The steps the machines invoke, in the order a run reaches them: each one's sample event reads what the
    /// earlier ones wrote.</summary>
    public static IReadOnlyList<string> Steps(params string[] machines) =>
        [.. machines.SelectMany(Of).Select(t => t.Step?.Function.ResourceName).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Every state of a definition with its name, in document order (a Parallel's branches and a Map's
    /// processor after the state that holds them).</summary>
    public static IEnumerable<(string Name, JsonObject State)> AllStates(JsonObject container)
    {
        foreach (var (name, node) in container["States"]!.AsObject())
        {
            var state = node!.AsObject();
            yield return (name, state);
            var inner = (string?)state["Type"] switch
            {
                "Parallel" => state["Branches"]!.AsArray().Select(b => b!.AsObject()),
                "Map" => [(state["ItemProcessor"] ?? state["Iterator"])!.AsObject()],
                _ => [],
            };
            foreach (var nested in inner.SelectMany(AllStates))
            {
                yield return nested;
            }
        }
    }

    private static void Collect(string machine, JsonObject container, List<TaskState> tasks)
    {
        foreach (var (name, state) in AllStates(container).Where(s => (string?)s.State["Type"] == "Task"))
        {
            var resource = (string)state["Resource"]!;
            var step = StepCatalog.All.FirstOrDefault(s => resource == "${" + s.ArnVariable + "}");
            tasks.Add(new TaskState(machine, name, state, step));
        }
    }
}
