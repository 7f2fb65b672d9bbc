namespace StatesLanguage.Evaluation.Paths;

/// <summary>The three roots a JSONPath expression can read: the state data, the context object (built on first use)
/// and the variables. A JSONata expression reads the same as <c>$states.input</c>, <c>$states.context</c> and its
/// <c>$</c>variables, plus <see cref="States"/>: <c>$states.result</c> and <c>$states.errorOutput</c> where the state
/// has them.</summary>
internal readonly record struct DataScope(StateData Data, IContextSource? ContextSource, VariableScope? Variables, StatesValues States = default)
{
    /// <summary>The state data as JSON (made on first use when it is a JSONata value: JSONata reads <see cref="Data"/>).</summary>
    public JsonNode? Input => Data.Json;

    public JsonNode? Context => ContextSource?.GetContextObject();

    /// <summary>Where the JSONata expressions evaluated with this scope share <c>$states</c>, converted once; null for a
    /// scope that does not share it (each expression then converts its own).</summary>
    public Jsonata.StatesDocuments? Jsonata { get; init; }
}

/// <summary><c>$states.result</c> (a Task's, Parallel's or Map's result) and <c>$states.errorOutput</c> (in a Catch),
/// each only where the state has it.</summary>
internal readonly record struct StatesValues(bool HasResult, StateData Result, bool HasErrorOutput, StateData ErrorOutput)
{
    public static StatesValues WithResult(StateData result) => new(true, result, false, default);

    public static StatesValues WithErrorOutput(JsonNode? errorOutput) => new(false, default, true, errorOutput);
}
