namespace StatesLanguage.Validation;

/// <summary>One problem in a definition: a stable <paramref name="Code"/> (see <see cref="AslDiagnosticCodes"/>), the JSON
/// path of the offending element (such as <c>$.States.Fetch.Next</c>) and a readable message.</summary>
public sealed record AslDiagnostic(string Code, string Path, string Message)
{
    public override string ToString() => $"{Code} at {Path}: {Message}";
}
