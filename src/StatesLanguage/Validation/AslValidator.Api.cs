namespace StatesLanguage.Validation;

public static partial class AslValidator
{
    /// <summary>ValidateStateMachineDefinition's default and largest <c>maxResults</c>.</summary>
    public const int MaxApiResults = 100;

    /// <summary>
    /// What AWS's ValidateStateMachineDefinition returns for <paramref name="definitionJson"/>: <c>FAIL</c> when the
    /// definition has errors (it could not be created), else <c>OK</c>, even with warnings; the diagnostics at
    /// <paramref name="severity"/> or above (<c>ERROR</c>, the default: errors only; <c>WARNING</c>: errors, then
    /// warnings), at most <paramref name="maxResults"/> of them (0 or null: <see cref="MaxApiResults"/>), and whether
    /// more were found. Warnings are looked for only in a definition without errors.
    /// </summary>
    /// <param name="type"><c>STANDARD</c> (the default) or <c>EXPRESS</c>; both are validated the same way.</param>
    /// <exception cref="ArgumentException">An unknown type or severity, or maxResults outside 0 to 100 (the API layer
    /// reports these as ValidationException).</exception>
    public static DefinitionValidation ValidateForApi(string definitionJson, string? type = null, string? severity = null, int? maxResults = null)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        if (type is not (null or "STANDARD" or "EXPRESS"))
            throw new ArgumentException($"Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]", nameof(type));
        if (severity is not (null or DiagnosticSeverity.Error or DiagnosticSeverity.Warning))
            throw new ArgumentException($"Value '{severity}' at 'severity' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, WARNING]", nameof(severity));
        if (maxResults is < 0 or > MaxApiResults)
            throw new ArgumentException($"Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and {MaxApiResults}", nameof(maxResults));
        var limit = maxResults is null or 0 ? MaxApiResults : maxResults.Value;

        var problems = new List<AslDiagnostic>();
        var definition = ParseAndValidate(definitionJson, problems);
        var found = new List<ApiDiagnostic>(problems.Count);
        found.AddRange(problems.Select(d => ApiDiagnostic.From(d, DiagnosticSeverity.Error)));
        if (severity == DiagnosticSeverity.Warning && definition is not null && problems.Count == 0)
        {
            var warnings = new List<AslDiagnostic>();
            VariableUseChecker.Check(definition, "$", new HashSet<string>(StringComparer.Ordinal), warnings);
            found.AddRange(warnings.Select(d => ApiDiagnostic.From(d, DiagnosticSeverity.Warning)));
        }
        return new DefinitionValidation(problems.Count == 0 ? "OK" : "FAIL", [.. found.Take(limit)], found.Count > limit);
    }

    /// <summary>
    /// The message of the InvalidDefinition error that CreateStateMachine, UpdateStateMachine and TestState return for
    /// a definition with problems, in AWS's form: <c>Invalid State Machine Definition: 'CODE: message at /location'</c>,
    /// several problems joined by <c>", "</c> inside the quotes; a problem of the whole definition reads
    /// <c>at null</c>, as AWS's does.
    /// </summary>
    public static string InvalidDefinitionMessage(IEnumerable<AslDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var problems = diagnostics.Select(d => $"{d.Code}: {d.Message} at {d.Location ?? "null"}");
        return $"Invalid State Machine Definition: '{string.Join(", ", problems)}'";
    }
}

/// <summary>The severities of ValidateStateMachineDefinition's diagnostics.</summary>
public static class DiagnosticSeverity
{
    public const string Error = "ERROR";
    public const string Warning = "WARNING";
}

/// <summary>One ValidateStateMachineDefinitionDiagnostic: severity (<c>ERROR</c> or <c>WARNING</c>), code, message, and
/// location in AWS's form (<c>/States/Fetch/Next</c>; null for the whole definition).</summary>
public sealed record ApiDiagnostic(string Severity, string Code, string Message, string? Location)
{
    public static ApiDiagnostic From(AslDiagnostic diagnostic, string severity)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new ApiDiagnostic(severity, diagnostic.Code, diagnostic.Message, diagnostic.Location);
    }
}

/// <summary>ValidateStateMachineDefinition's output: <paramref name="Result"/> is <c>OK</c> or <c>FAIL</c>;
/// <paramref name="Truncated"/> when more diagnostics were found than returned.</summary>
public sealed record DefinitionValidation(string Result, IReadOnlyList<ApiDiagnostic> Diagnostics, bool Truncated);
