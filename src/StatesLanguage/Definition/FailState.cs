using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Definition;

/// <summary>Fail: stops the execution with an error and cause, either may be absent (then AWS reports none).</summary>
public sealed record FailState(string Name) : StateDefinition(Name)
{
    public override string Type => "Fail";

    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>A path or intrinsic function giving the error name (JSONata: <c>Error</c> given as a <c>{% … %}</c>
    /// expression).</summary>
    public TemplateNode? ErrorPath { get; init; }

    public TemplateNode? CausePath { get; init; }
}
