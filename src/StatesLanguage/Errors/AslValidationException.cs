using StatesLanguage.Validation;

namespace StatesLanguage.Errors;

/// <summary>The definition is not valid; <see cref="Diagnostics"/> holds every problem found.</summary>
public sealed class AslValidationException : AslException
{
    public AslValidationException(IReadOnlyList<AslDiagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<AslDiagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<AslDiagnostic> diagnostics) =>
        $"The state machine definition has {diagnostics.Count} problem(s): " +
        string.Join("; ", diagnostics.Select(d => d.ToString()));
}
