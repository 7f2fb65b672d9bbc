using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Server.Console;

/// <summary>One history event as the console views read it: the engine's <see cref="HistoryEvent"/> (see
/// <see cref="From(HistoryEvent)"/>) or one read back from storage. <see cref="PreviousEventId"/> 0 means unknown: task events are
/// then given to the state that entered last.</summary>
public sealed record ConsoleEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, HistoryEventType Type)
{
    public string? StateName { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public JsonNode? Input { get; init; }

    public JsonNode? Output { get; init; }

    public static ConsoleEvent From(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        return new(historyEvent.Id, historyEvent.PreviousEventId, historyEvent.Timestamp, historyEvent.Type)
        {
            StateName = historyEvent.StateName,
            Error = historyEvent.Error,
            Cause = historyEvent.Cause,
            Input = historyEvent.Input,
            Output = historyEvent.Output,
        };
    }

    public static IReadOnlyList<ConsoleEvent> From(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return [.. history.Select(From)];
    }
}
