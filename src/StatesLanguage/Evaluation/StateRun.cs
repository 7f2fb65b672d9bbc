using System.Text;
using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Jsonata;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Evaluation;

/// <summary>One entry into a state: its identity for the context object (<c>$$.State</c>) and for AWS's runtime error
/// wording, which cites the event id of the StateEntered event.</summary>
internal sealed class StateRun(GraphScope scope, StateDefinition state, long enteredEventId, DateTimeOffset enteredTime)
    : IContextSource
{
    public GraphScope Scope { get; } = scope;

    public ExecutionRun Execution => Scope.Execution;

    public StateDefinition State { get; } = state;

    public long EnteredEventId { get; } = enteredEventId;

    public int RetryCount { get; set; }

    /// <summary>Set only by TestState (<see cref="Testing.StateTester"/>): records the data flow's stages, reports
    /// Retry and Catch instead of waiting, and may replace the state's work by a mock.</summary>
    public StateInspection? Inspection { get; init; }

    /// <summary>A context object given by the caller (TestState's <c>context</c>), used instead of the one the execution
    /// builds; null otherwise.</summary>
    public JsonObject? ContextOverride { get; init; }

    public string? TaskToken { get; set; }

    /// <summary>The last data that passed the size check (its <see cref="StateData.Identity"/>); the same data is not
    /// measured twice.</summary>
    public object? LastSizeChecked { get; set; }

    /// <summary>When the input is a root object that only these history events reference (the previous state made it),
    /// the state may change it in place once it has snapshotted them; null otherwise.</summary>
    public List<History.HistoryEvent>? InputHolders { get; set; }

    /// <summary>The variables this state assigned, as serialized JSON, for its Exited event; null for none.</summary>
    public Dictionary<string, string>? AssignedVariables { get; private set; }

    /// <summary>Sets the variables of one Assign (all evaluated before) and records them for the state's Exited event.</summary>
    /// <exception cref="StatesErrorException">States.DataLimitExceeded when a value, the Assign or the variables in
    /// scope are over Step Functions' limits (<see cref="VariableLimits"/>).</exception>
    public void AssignVariables(IReadOnlyList<KeyValuePair<string, JsonNode?>> values)
    {
        if (values.Count == 0)
            return;
        var serialized = new string[values.Count];
        var sizes = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            serialized[i] = JsonData.Serialize(values[i].Value);
            sizes[i] = Encoding.UTF8.GetByteCount(serialized[i]);
        }
        VariableLimits.Check(values, sizes, Scope.Variables, State.Name);
        var assigned = AssignedVariables ??= new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            Scope.Variables.Set(values[i].Key, values[i].Value, sizes[i]);
            assigned[values[i].Key] = serialized[i];
        }
    }

    /// <summary>The root object that ApplyResultPath made or changed for this state's output.</summary>
    public JsonNode? FreshOutput { get; set; }

    /// <summary>True when <paramref name="input"/> may be changed in place (see <see cref="InputHolders"/>); the holders
    /// are snapshotted first, so history keeps the data as it was.</summary>
    public bool TryTakeInput(JsonObject input)
    {
        // A stopped execution (timed out) may already have handed its history to the caller: copy, never change.
        if (InputHolders is not { } holders || input.Parent is not null || Execution.CancellationToken.IsCancellationRequested)
            return false;
        if (holders.Count > 0)
        {
            var snapshot = new KeyValuePair<string, JsonNode?>[input.Count];
            for (var i = 0; i < snapshot.Length; i++)
                snapshot[i] = input.GetAt(i);
            foreach (var holder in holders)
                holder.Snapshot(input, snapshot);
        }
        holders.Clear();
        InputHolders = null;
        LastSizeChecked = null;
        return true;
    }

    public DataScope DataScope(StateData input) => new(input, this, Scope.Variables);

    /// <summary>The context object's members, in the order AWS gives them.</summary>
    private static readonly string[] ContextPartNames = ["Execution", "State", "StateMachine", "Map", "Task"];

    public JsonNode GetContextObject()
    {
        if (ContextOverride is not null)
            return ContextOverride.DeepClone();
        var context = new JsonObject();
        foreach (var name in ContextPartNames)
        {
            if (TryGetContextPart(name, out var part))
                context[name] = JsonData.Clone(part);
        }
        return context;
    }

    public JsonataDocument GetContextDocument() => ContextDocument(this, ContextPartNames);

    /// <summary>The context object of <paramref name="source"/> (this state's, or a Map item's, which adds to it) in the
    /// evaluator's form. The Execution and StateMachine parts, the same in every state, are made once per execution
    /// (the Execution part holds the execution's input, which every iteration of a Map would otherwise convert again);
    /// those and the State part are made in that form directly, the others (and a caller's context) converted from
    /// their JSON.</summary>
    internal JsonataDocument ContextDocument(IContextSource source, string[] partNames)
    {
        var members = new KeyValuePair<string, JsonataDocument>[partNames.Length];
        var count = 0;
        foreach (var name in partNames)
        {
            var made = ContextOverride is not null ? null : name switch
            {
                "Execution" => Execution.ExecutionContextDocument(),
                "StateMachine" => Execution.StateMachineContextDocument(),
                "State" => JsonataDocument.FromJsonForm(new JObject(3)
                {
                    ["EnteredTime"] = ExecutionRun.FormatTime(enteredTime),
                    ["Name"] = State.Name,
                    ["RetryCount"] = (double)RetryCount,
                }),
                _ => null,
            };
            if (made is not null)
                members[count++] = new(name, made);
            else if (source.TryGetContextPart(name, out var part))
                members[count++] = new(name, JsonataDocument.From(part));
        }
        return JsonataDocument.Object(members.AsSpan(0, count));
    }

    public bool TryGetContextPart(string name, out JsonNode? part)
    {
        if (ContextOverride is not null)
            return ContextOverride.TryGetPropertyValue(name, out part) && part is not null;
        part = name switch
        {
            "Execution" => Execution.ExecutionContextObject(),
            "StateMachine" => Execution.StateMachineContextObject(),
            "State" => new JsonObject
            {
                ["EnteredTime"] = ExecutionRun.FormatTime(enteredTime),
                ["Name"] = State.Name,
                ["RetryCount"] = RetryCount,
            },
            "Map" => MapItemContext(),
            "Task" when TaskToken is not null => new JsonObject { ["Token"] = TaskToken },
            _ => null,
        };
        return part is not null;
    }

    public bool TryGetMapItem(out int index, out JsonNode? value)
    {
        // $$.Map exists only while a Map state's ItemSelector runs (see MapItemContext).
        index = -1;
        value = null;
        return false;
    }

    private JsonObject? MapItemContext() =>
        TryGetMapItem(out var index, out var value)
            ? new JsonObject { ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = JsonData.Clone(value) } }
            : null;

    /// <summary>A States.Runtime error in AWS's wording: "An error occurred while executing the state 'X' (entered at
    /// the event id #N). detail".</summary>
    public StatesErrorException RuntimeError(string detail) => new(StatesErrorNames.Runtime, $"{ErrorPrefix} {detail}");

    public string ErrorPrefix => $"An error occurred while executing the state '{State.Name}' (entered at the event id #{EnteredEventId}).";
}
