namespace StatesLanguage.Evaluation.Paths;

/// <summary>The three roots a JSONPath expression can read: the state data, the context object (built on first use)
/// and the variables. A JSONata expression reads the same as <c>$states.input</c>, <c>$states.context</c> and its
/// <c>$</c>variables, plus <see cref="States"/>: <c>$states.result</c> and <c>$states.errorOutput</c> where the state
/// has them.</summary>
internal readonly record struct DataScope(JsonNode? Input, IContextSource? ContextSource, VariableScope? Variables, StatesValues States = default)
{
    public JsonNode? Context => ContextSource?.GetContextObject();

    /// <summary>Where the JSONata expressions evaluated with this scope share <c>$states</c>, converted once; null for a
    /// scope that does not share it (each expression then converts its own).</summary>
    public Jsonata.StatesDocuments? Jsonata { get; init; }
}

/// <summary><c>$states.result</c> (a Task's, Parallel's or Map's result) and <c>$states.errorOutput</c> (in a Catch),
/// each only where the state has it.</summary>
internal readonly record struct StatesValues(bool HasResult, JsonNode? Result, bool HasErrorOutput, JsonNode? ErrorOutput)
{
    public static StatesValues WithResult(JsonNode? result) => new(true, result, false, null);

    public static StatesValues WithErrorOutput(JsonNode? errorOutput) => new(false, null, true, errorOutput);
}
