using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Cli.Workflows;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Server.Executions;

namespace Analytics.Cli.Browser;

/// <summary>Reads an execution as <see cref="ExecutionStore"/> keeps it (its summary fields and <c>events</c>) into
/// the browser's models.</summary>
internal static class StoredExecution
{
    /// <summary>The list entry of a stored execution (with or without its events).</summary>
    public static ExecutionSummary Summary(JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new ExecutionSummary(
            (string?)stored["name"] ?? throw new FormatException("A stored execution has no name."),
            (string?)stored["stateMachine"] ?? "",
            RunStatusText.Parse((string?)stored["status"] ?? "RUNNING"),
            Instant(stored["startDate"]),
            Instant(stored["stopDate"]));
    }

    /// <summary>The history events of a stored execution, in order.</summary>
    /// <exception cref="FormatException">An event is not an object, or its type is not a history event type.</exception>
    public static IReadOnlyList<ExecutionEvent> Events(JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored["events"] is not JsonArray events)
        {
            return [];
        }

        var result = new List<ExecutionEvent>(events.Count);
        foreach (var node in events)
        {
            if (node is not JsonObject e || !Enum.TryParse<HistoryEventType>((string?)e["type"], out _))
            {
                throw new FormatException($"Not a stored history event: {node?.ToJsonString()}");
            }

            result.Add(ExecutionEvent.FromStored(e));
        }

        return result;
    }

    private static DateTimeOffset? Instant(JsonNode? node) =>
        (string?)node is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
}
