using System.Text.Json;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;
using StatesLanguage.Validation;

namespace StatesLanguage.Parsing;

/// <summary>Reads typed fields of one JSON object of a definition, reporting every problem to the shared list
/// instead of throwing, so that validation can return them all.</summary>
internal sealed class FieldReader(JsonObject source, string path, List<AslDiagnostic> diagnostics)
{
    /// <summary>Fields only a JSONPath state may have.</summary>
    public static readonly IReadOnlySet<string> JsonPathOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath", "SecondsPath", "TimestampPath",
        "ErrorPath", "CausePath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
        "ToleratedFailurePercentagePath", "Variable",
    };

    /// <summary>Fields only a JSONata state may have.</summary>
    public static readonly IReadOnlySet<string> JsonataOnly = new HashSet<string>(StringComparer.Ordinal) { "Arguments", "Output", "Items", "Condition" };

    /// <summary>The query language of the state this object belongs to: templates and field checks follow it.</summary>
    public Definition.QueryLanguage Language { get; init; }

    /// <summary>The machine's query language, which states (also in branches and item processors) inherit.</summary>
    public Definition.QueryLanguage DefaultLanguage { get; init; }

    /// <summary>A reader of a nested object of the same definition, in <paramref name="language"/> (default: the
    /// machine's).</summary>
    public FieldReader Nested(JsonObject nested, string nestedPath, Definition.QueryLanguage? language = null) =>
        new(nested, nestedPath, diagnostics) { Language = language ?? DefaultLanguage, DefaultLanguage = DefaultLanguage };

    /// <summary>A <c>QueryLanguage</c> field: JSONPath or JSONata; <paramref name="inherited"/> when absent or invalid.</summary>
    public Definition.QueryLanguage QueryLanguage(Definition.QueryLanguage inherited)
    {
        switch (String("QueryLanguage"))
        {
            case null:
                return inherited;
            case "JSONPath":
                return Definition.QueryLanguage.JsonPath;
            case "JSONata":
                return Definition.QueryLanguage.Jsonata;
            case var other:
                Report(AslDiagnosticCodes.UnsupportedQueryLanguage, "QueryLanguage", $"The query language must be 'JSONPath' or 'JSONata', not '{other}'.");
                return inherited;
        }
    }

    public JsonObject Source => source;

    public string Path => path;

    public List<AslDiagnostic> Diagnostics => diagnostics;

    public string FieldPath(string field) => AslPath.Member(path, field);

    public bool Has(string field) => source.ContainsKey(field);

    public JsonNode? Raw(string field) => source[field];

    public void Report(string code, string field, string message) =>
        diagnostics.Add(new AslDiagnostic(code, field.Length == 0 ? path : FieldPath(field), message));

    public void CheckAllowed(IReadOnlySet<string> allowed, string owner)
    {
        var jsonata = Language == Definition.QueryLanguage.Jsonata;
        foreach (var (name, _) in source)
        {
            if (jsonata ? JsonPathOnly.Contains(name) : JsonataOnly.Contains(name))
            {
                Report(AslDiagnosticCodes.FieldNotInQueryLanguage, name, jsonata
                    ? $"The field '{name}' is a JSONPath field; a JSONata state uses Arguments, Output and {{% … %}} expressions instead."
                    : $"The field '{name}' is a JSONata field; set \"QueryLanguage\": \"JSONata\" on the state or the machine to use it.");
            }
            else if (!allowed.Contains(name))
            {
                Report(AslDiagnosticCodes.FieldNotAllowed, name, $"The field '{name}' is not supported by {owner}.");
            }
        }
    }

    public string? String(string field, bool required = false)
    {
        if (!source.TryGetPropertyValue(field, out var node))
        {
            if (required)
                Report(AslDiagnosticCodes.MissingField, field, $"The field '{field}' is required.");
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            return value.GetValue<string>();
        Report(AslDiagnosticCodes.InvalidFieldValue, field, $"The field '{field}' must be a string.");
        return null;
    }

    public bool Boolean(string field)
    {
        if (!source.TryGetPropertyValue(field, out var node))
            return false;
        if (node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return node.GetValue<bool>();
        Report(AslDiagnosticCodes.InvalidFieldValue, field, $"The field '{field}' must be a boolean.");
        return false;
    }

    public long? Integer(string field, long minimum = 0, long maximum = long.MaxValue)
    {
        if (!source.TryGetPropertyValue(field, out var node))
            return null;
        if (Evaluation.JsonData.TryGetInteger(node, out var value) && value >= minimum && value <= maximum)
            return value;
        Report(AslDiagnosticCodes.InvalidFieldValue, field,
            $"The field '{field}' must be an integer from {minimum} to {maximum}.");
        return null;
    }

    public double? Number(string field, double minimum, double maximum)
    {
        if (!source.TryGetPropertyValue(field, out var node))
            return null;
        if (Evaluation.JsonData.TryGetNumber(node, out var value) && value >= minimum && value <= maximum)
            return value;
        Report(AslDiagnosticCodes.InvalidFieldValue, field, $"The field '{field}' must be a number from {minimum} to {maximum}.");
        return null;
    }

    /// <summary>A path field: absent gives <c>$</c>, JSON null gives null (data is discarded).</summary>
    public JsonPathExpression? DataPath(string field)
    {
        if (!source.TryGetPropertyValue(field, out var node))
            return RootPath;
        return node is null ? null : PathField(field);
    }

    /// <summary>A path field that must be present as a string when present at all; null when absent.</summary>
    public JsonPathExpression? PathField(string field)
    {
        var text = String(field);
        if (text is null)
            return null;
        if (JsonPathParser.TryParse(text, out var parsed, out var error))
            return parsed;
        Report(AslDiagnosticCodes.InvalidJsonPath, field, $"The value of '{field}' is not a valid JSONPath: {error}");
        return null;
    }

    /// <summary>A reference path (ResultPath): <c>$</c> followed by names and indexes only.</summary>
    public JsonPathExpression? ReferencePath(string field, out bool discard)
    {
        discard = false;
        if (!source.TryGetPropertyValue(field, out var node))
            return RootPath;
        if (node is null)
        {
            discard = true;
            return null;
        }
        var text = String(field);
        if (text is null)
            return RootPath;
        if (JsonPathParser.TryParse(text, out var parsed, out _) && parsed.Root == PathRoot.Input && parsed.IsDefinite)
            return parsed;
        Report(AslDiagnosticCodes.InvalidReferencePath, field, $"The value of '{field}' is not a valid reference path: '{text}'.");
        return RootPath;
    }

    public TemplateNode? Template(string field)
    {
        if (!source.TryGetPropertyValue(field, out var node))
            return null;
        if (Language == Definition.QueryLanguage.Jsonata)
            return JsonataTemplate(field);
        if (node is not JsonObject)
        {
            Report(AslDiagnosticCodes.InvalidFieldValue, field, $"The field '{field}' must be an object.");
            return null;
        }
        return TemplateCompiler.Compile(node, FieldPath(field), diagnostics);
    }

    /// <summary>A JSONata template field (any JSON value; <c>{% … %}</c> strings are expressions); null when absent.</summary>
    public TemplateNode? JsonataTemplate(string field) =>
        source.TryGetPropertyValue(field, out var node) ? TemplateCompiler.CompileJsonata(node, field, FieldPath(field), diagnostics) : null;

    /// <summary>A field that may be a <c>{% … %}</c> expression in a JSONata state: the compiled expression, or null
    /// when absent or a literal (read it as usual then).</summary>
    public TemplateNode? JsonataExpression(string field) =>
        Language == Definition.QueryLanguage.Jsonata && Evaluation.Jsonata.JsonataQuery.ExpressionOf(source[field]) is not null
            ? JsonataTemplate(field)
            : null;

    public static readonly JsonPathExpression RootPath = JsonPathParser.Parse("$");
}
