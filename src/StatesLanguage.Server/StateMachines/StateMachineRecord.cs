namespace StatesLanguage.Server.StateMachines;

/// <summary>A registered state machine as DescribeStateMachine shows it (definition as sent, logging and tracing
/// configuration with AWS's defaults filled in).</summary>
public sealed record StateMachineRecord
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string Definition { get; init; }

    public required string RoleArn { get; init; }

    /// <summary>STANDARD or EXPRESS.</summary>
    public required string Type { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Set by UpdateStateMachine, with <see cref="RevisionId"/>.</summary>
    public DateTimeOffset? UpdateDate { get; init; }

    public string? RevisionId { get; init; }

    public required JsonObject LoggingConfiguration { get; init; }

    public required JsonObject TracingConfiguration { get; init; }

    public bool IsExpress => Type == "EXPRESS";

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["stateMachineArn"] = Arn,
        ["definition"] = Definition,
        ["roleArn"] = RoleArn,
        ["type"] = Type,
        ["creationDate"] = CreationDate.ToString("O", CultureInfo.InvariantCulture),
        ["updateDate"] = UpdateDate?.ToString("O", CultureInfo.InvariantCulture),
        ["revisionId"] = RevisionId,
        ["loggingConfiguration"] = LoggingConfiguration.DeepClone(),
        ["tracingConfiguration"] = TracingConfiguration.DeepClone(),
    };

    /// <exception cref="FormatException">A required field is missing.</exception>
    public static StateMachineRecord FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string Required(string name) => (string?)json[name] ?? throw new FormatException($"The stored state machine has no '{name}'.");
        return new StateMachineRecord
        {
            Name = Required("name"),
            Arn = Required("stateMachineArn"),
            Definition = Required("definition"),
            RoleArn = Required("roleArn"),
            Type = Required("type"),
            CreationDate = DateTimeOffset.Parse(Required("creationDate"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            UpdateDate = (string?)json["updateDate"] is { } update ? DateTimeOffset.Parse(update, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null,
            RevisionId = (string?)json["revisionId"],
            LoggingConfiguration = json["loggingConfiguration"]?.DeepClone() as JsonObject ?? [],
            TracingConfiguration = json["tracingConfiguration"]?.DeepClone() as JsonObject ?? [],
        };
    }
}
