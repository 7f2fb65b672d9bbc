using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation;

/// <summary>One entry into a state: its identity for the context object (<c>$$.State</c>) and for AWS's runtime error
/// wording, which cites the event id of the StateEntered event.</summary>
internal sealed class StateRun(GraphScope scope, StateDefinition state, long enteredEventId, DateTimeOffset enteredTime)
    : IContextSource
{
    private JsonObject? _context;

    public GraphScope Scope { get; } = scope;

    public ExecutionRun Execution => Scope.Execution;

    public StateDefinition State { get; } = state;

    public long EnteredEventId { get; } = enteredEventId;

    public int RetryCount { get; set; }

    /// <summary>The Map item context while an ItemSelector is evaluated.</summary>
    public (int Index, JsonNode? Value)? PendingMapItem { get; set; }

    public string? TaskToken { get; set; }

    public DataScope DataScope(JsonNode? input) => new(input, this, Scope.Variables);

    public JsonNode GetContextObject()
    {
        if (_context is not null && PendingMapItem is null)
        {
            _context["State"]!["RetryCount"] = RetryCount;
            return _context;
        }
        var context = new JsonObject
        {
            ["Execution"] = Execution.ExecutionContextObject().DeepClone(),
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = ExecutionRun.FormatTime(enteredTime),
                ["Name"] = State.Name,
                ["RetryCount"] = RetryCount,
            },
            ["StateMachine"] = new JsonObject { ["Id"] = Execution.StateMachineArn, ["Name"] = Execution.Options.StateMachineName },
        };
        var item = PendingMapItem ?? (Scope.MapItemIndex >= 0 ? (Scope.MapItemIndex, Scope.MapItemValue) : null);
        if (item is { } mapItem)
            context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = mapItem.Index, ["Value"] = JsonData.Clone(mapItem.Value) } };
        if (TaskToken is not null)
            context["Task"] = new JsonObject { ["Token"] = TaskToken };
        if (PendingMapItem is null)
            _context = context;
        return context;
    }

    /// <summary>A States.Runtime error in AWS's wording: "An error occurred while executing the state 'X' (entered at
    /// the event id #N). detail".</summary>
    public StatesErrorException RuntimeError(string detail) =>
        new(StatesErrorNames.Runtime, $"An error occurred while executing the state '{State.Name}' (entered at the event id #{EnteredEventId}). {detail}");
}
