namespace StatesLanguage.Evaluation.History;

/// <summary>One execution history event. <see cref="Input"/> and <see cref="Output"/> reference the state data
/// (never mutated after recording); serialize them on demand.</summary>
public sealed record HistoryEvent(HistoryEventType Type)
{
    /// <summary>Position in the history, from 1.</summary>
    public long Id { get; internal set; }

    /// <summary>The event this one follows (0 for the first).</summary>
    public long PreviousEventId { get; internal set; }

    public DateTimeOffset Timestamp { get; internal set; }

    public string? StateName { get; init; }

    private StateData _input;
    private KeyValuePair<string, JsonNode?>[]? _inputSnapshot;
    private StateData _output;
    private KeyValuePair<string, JsonNode?>[]? _outputSnapshot;

    public JsonNode? Input
    {
        get => Read(ref _input, ref _inputSnapshot);
        init => _input = value;
    }

    public JsonNode? Output
    {
        get => Read(ref _output, ref _outputSnapshot);
        init => _output = value;
    }

    /// <summary>The input as the engine passed it: a JSONata state's value is made into JSON only when the event is read.</summary>
    internal StateData InputData
    {
        get => _input;
        init => _input = value;
    }

    /// <summary>The output as the engine passed it (see <see cref="InputData"/>).</summary>
    internal StateData OutputData
    {
        get => _output;
        init => _output = value;
    }

    private static JsonNode? Read(ref StateData data, ref KeyValuePair<string, JsonNode?>[]? snapshot)
    {
        if (snapshot is { } properties)
        {
            data = Restore(properties);
            snapshot = null;
        }
        return data.Json;
    }

    /// <summary>Replaces a reference to <paramref name="node"/> by its <paramref name="properties"/> as they are, before
    /// the engine adds to the node in place: the event keeps showing the data as it was. The property values are never
    /// changed (only a root object made by ResultPath is), so they are copied only when the event is read.</summary>
    internal void Snapshot(JsonObject node, KeyValuePair<string, JsonNode?>[] properties)
    {
        if (_input.IsJson && ReferenceEquals(_input.Json, node))
        {
            _inputSnapshot = properties;
            _input = default;
        }
        if (_output.IsJson && ReferenceEquals(_output.Json, node))
        {
            _outputSnapshot = properties;
            _output = default;
        }
    }

    private static JsonObject Restore(KeyValuePair<string, JsonNode?>[] properties)
    {
        var copy = new KeyValuePair<string, JsonNode?>[properties.Length];
        for (var i = 0; i < properties.Length; i++)
            copy[i] = new(properties[i].Key, properties[i].Value?.DeepClone());
        return new JsonObject(copy);
    }

    /// <summary>The members few events have, kept apart so that the many events without them stay small (an
    /// execution records several per state). Never changed once made: setting a member makes a new one, so a copy of
    /// an event made with <c>with</c> never shares a change.</summary>
    private sealed record Details(string? Error, string? Cause, IReadOnlyDictionary<string, string>? AssignedVariables, int? Index, int? Length)
    {
        public static Details None { get; } = new(null, null, null, null, null);
    }

    private Details? _details;

    public string? Error
    {
        get => _details?.Error;
        init => _details = (_details ?? Details.None) with { Error = value };
    }

    public string? Cause
    {
        get => _details?.Cause;
        init => _details = (_details ?? Details.None) with { Cause = value };
    }

    public string? Resource { get; init; }

    /// <summary>On a …StateExited event, the variables the state assigned: name → value as serialized JSON (AWS's
    /// <c>assignedVariables</c>); null when it assigned none.</summary>
    public IReadOnlyDictionary<string, string>? AssignedVariables
    {
        get => _details?.AssignedVariables;
        init => _details = value is null && _details is null ? null : (_details ?? Details.None) with { AssignedVariables = value };
    }

    /// <summary>The item index of Map iteration events.</summary>
    public int? Index
    {
        get => _details?.Index;
        init => _details = (_details ?? Details.None) with { Index = value };
    }

    /// <summary>The number of items of a MapStateStarted event.</summary>
    public int? Length
    {
        get => _details?.Length;
        init => _details = (_details ?? Details.None) with { Length = value };
    }

    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"#{Id} (prev #{PreviousEventId}) {Timestamp:O} {Type}");
        if (StateName is not null)
            builder.Append(CultureInfo.InvariantCulture, $" state='{StateName}'");
        if (Index is int index)
            builder.Append(CultureInfo.InvariantCulture, $" index={index}");
        if (Length is int length)
            builder.Append(CultureInfo.InvariantCulture, $" length={length}");
        if (Resource is not null)
            builder.Append(CultureInfo.InvariantCulture, $" resource={Resource}");
        if (Type.ToString().EndsWith("Entered", StringComparison.Ordinal) || Type == HistoryEventType.ExecutionStarted)
            builder.Append(" input=").Append(JsonData.Serialize(Input));
        if (Output is not null || Type.ToString().EndsWith("Exited", StringComparison.Ordinal) || Type is HistoryEventType.ExecutionSucceeded or HistoryEventType.TaskSucceeded or HistoryEventType.LambdaFunctionSucceeded)
            builder.Append(" output=").Append(JsonData.Serialize(Output));
        if (AssignedVariables is not null)
            builder.Append(" assigned=").Append(string.Join(",", AssignedVariables.Select(v => $"{v.Key}={v.Value}")));
        if (Error is not null)
            builder.Append(" error=").Append(Error);
        if (Cause is not null)
            builder.Append(" cause=").Append(Cause);
        return builder.ToString();
    }
}
