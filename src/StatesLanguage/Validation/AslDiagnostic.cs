namespace StatesLanguage.Validation;

/// <summary>One problem in a definition: a stable <paramref name="Code"/> (see <see cref="AslDiagnosticCodes"/>), the JSON
/// path of the offending element (such as <c>$.States.Fetch.Next</c>, built by <see cref="AslPath"/>) and a readable
/// message.</summary>
public sealed record AslDiagnostic(string Code, string Path, string Message)
{
    /// <summary>The path in AWS's form (<c>/States/Fetch/Next</c>), split from <see cref="Path"/>'s segments; null for
    /// the whole definition.</summary>
    public string? Location => AslPath.TryToLocation(Path);

    public override string ToString() => $"{Code} at {Path}: {Message}";
}
