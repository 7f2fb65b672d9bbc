namespace StatesLanguage.Evaluation.Paths;

/// <summary>The three roots a JSONPath expression can read: the state data, the context object (built on first use)
/// and the variables.</summary>
internal readonly record struct DataScope(JsonNode? Input, IContextSource? ContextSource, VariableScope? Variables)
{
    public JsonNode? Context => ContextSource?.GetContextObject();
}
