using System.Text.Json;
using StatesLanguage.Definition;
using StatesLanguage.Validation;

namespace StatesLanguage.Parsing;

/// <summary>Builds the immutable model from definition JSON, collecting every structural problem instead of stopping
/// at the first. The result is usable only when no diagnostic was added.</summary>
internal static class DefinitionParser
{
    /// <summary>AWS limit on state names.</summary>
    public const int MaxStateNameLength = 80;

    public static StateMachineDefinition? Parse(string json, List<AslDiagnostic> diagnostics)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidJson, "$", $"The definition is not valid JSON: {ex.Message}"));
            return null;
        }
        return Parse(root, diagnostics);
    }

    public static StateMachineDefinition? Parse(JsonNode? root, List<AslDiagnostic> diagnostics)
    {
        if (root is not JsonObject obj)
        {
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidJson, "$", "The definition must be a JSON object."));
            return null;
        }
        var language = new FieldReader(obj, "$", diagnostics).QueryLanguage(QueryLanguage.JsonPath);
        var reader = new FieldReader(obj, "$", diagnostics) { Language = language, DefaultLanguage = language };
        reader.CheckAllowed(TopLevelFields, "a state machine");
        return ParseMachine(reader);
    }

    private static readonly HashSet<string> TopLevelFields =
        ["StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"];

    private static readonly HashSet<string> ProcessorFields = ["StartAt", "States", "Comment", "ProcessorConfig", "QueryLanguage"];

    /// <summary>A machine, branch or processor: <c>StartAt</c> and <c>States</c>.</summary>
    internal static StateMachineDefinition ParseMachine(FieldReader reader, bool isProcessor = false)
    {
        if (isProcessor)
            reader.CheckAllowed(ProcessorFields, "an item processor or branch");
        var startAt = reader.String("StartAt", required: true) ?? "";
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        if (reader.Raw("States") is JsonObject statesObject)
        {
            foreach (var (name, node) in statesObject)
            {
                var statePath = AslPath.Member($"{reader.Path}.States", name);
                if (name.Length == 0 || name.Length > MaxStateNameLength)
                    reader.Diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.NameTooLong, statePath,
                        $"State names must be 1 to {MaxStateNameLength} characters long."));
                if (node is not JsonObject stateObject)
                {
                    reader.Diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidFieldValue, statePath, "A state must be an object."));
                    continue;
                }
                var state = StateParser.Parse(name, reader.Nested(stateObject, statePath));
                if (state is not null)
                    states[name] = state;
            }
        }
        else
        {
            reader.Report(reader.Has("States") ? AslDiagnosticCodes.InvalidFieldValue : AslDiagnosticCodes.MissingField,
                "States", "The field 'States' is required and must be an object.");
        }
        return new StateMachineDefinition(startAt, states)
        {
            Comment = reader.String("Comment"),
            TimeoutSeconds = (int?)reader.Integer("TimeoutSeconds", 1, 99_999_999),
        };
    }
}
