using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation;

/// <summary>
/// State data (a state's input or output, a task's result, a branch's input) in the form it was made in: JSON (the
/// execution's input, a task's result, a JSONPath state's output) or the value of a JSONata state's <c>Output</c>
/// expression, kept in the evaluator's form. Consecutive JSONata states then hand their data on without converting it
/// to JSON and back, which was most of their cost; the JSON is made once, on first use: a task's payload, a JSONPath
/// state, the execution's output, a history event that is read. Neither form is changed in place once shared (a
/// JSONata value never is; a JSON root that ResultPath changes in place is handed on as new data).
/// </summary>
internal readonly struct StateData : IEquatable<StateData>
{
    private readonly JsonNode? _node;
    private readonly JsonataForm? _jsonata;

    private StateData(JsonNode? node, JsonataForm? jsonata)
    {
        _node = node;
        _jsonata = jsonata;
    }

    public static StateData FromJson(JsonNode? node) => new(node, null);

    /// <summary>A JSONata result in its JSON form (see <see cref="JsonataExpression.EvaluateDocument(JsonataDocument, IReadOnlyDictionary{string, JsonataDocument}?, JsonataEvaluationOptions?)"/>); defined.</summary>
    public static StateData FromJsonata(JsonataDocument value) => new(null, new JsonataForm(value));

    public static implicit operator StateData(JsonNode? node) => FromJson(node);

    /// <summary>True when the data was made as JSON: <see cref="Json"/> is then the node it was made as, which
    /// ResultPath may change in place (see <see cref="StateRun.TryTakeInput"/>).</summary>
    public bool IsJson => _jsonata is null;

    /// <summary>The data as JSON: made on first use for a JSONata value, then the same node every time. Shared: read it,
    /// or copy it to change it.</summary>
    public JsonNode? Json => _jsonata is null ? _node : _jsonata.Json;

    /// <summary>The JSONata value it was made as; null for data made as JSON.</summary>
    public JsonataDocument? JsonataValue => _jsonata?.Value;

    /// <summary>The data in the evaluator's form: the value it was made as, or its JSON converted (each call).</summary>
    public JsonataDocument ToJsonata() => _jsonata?.Value ?? JsonataDocument.From(_node);

    /// <summary>What identifies the data for <see cref="DataFlow.CheckSize(StateData, StateRun)"/>: the node or the value.</summary>
    public object? Identity => _jsonata is null ? _node : _jsonata.Value;

    public bool Equals(StateData other) => ReferenceEquals(_node, other._node) && ReferenceEquals(_jsonata, other._jsonata);

    public override bool Equals(object? obj) => obj is StateData other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_node, _jsonata);

    public static bool operator ==(StateData left, StateData right) => left.Equals(right);

    public static bool operator !=(StateData left, StateData right) => !left.Equals(right);

    /// <summary>A JSONata value with its JSON, made on first use; Parallel branches may share it, and all its readers
    /// get the same node (the first one made).</summary>
    private sealed class JsonataForm(JsonataDocument value)
    {
        /// <summary>Stands for JSON null in <see cref="_json"/>, where null means "not made yet".</summary>
        private static readonly object JsonNull = new();

        private object? _json;

        public JsonataDocument Value { get; } = value;

        public JsonNode? Json
        {
            get
            {
                var made = Volatile.Read(ref _json);
                if (made is null)
                {
                    var json = (object?)Value.ToValue().Node ?? JsonNull;
                    made = Interlocked.CompareExchange(ref _json, json, null) ?? json;
                }
                return made as JsonNode;
            }
        }
    }
}
