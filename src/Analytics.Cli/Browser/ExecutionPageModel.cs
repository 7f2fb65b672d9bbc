using System.Text.Json.Nodes;
using StatesLanguage.Definition;
using StatesLanguage.Server.Executions;

namespace Analytics.Cli.Browser;

/// <summary>An execution's page: its summary, its machine's definition (null when it is not known: the page then
/// shows the history without the graph), its history, input, output or error, and the files it produced.</summary>
internal sealed record ExecutionPageModel(ExecutionSummary Execution, StateMachineDefinition? Definition, IReadOnlyList<ExecutionEvent> Events)
{
    public JsonNode? Input { get; init; }

    public JsonNode? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public IReadOnlyList<FileLink> Files { get; init; } = [];
}
