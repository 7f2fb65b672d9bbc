using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Definition;

/// <summary>One Catch entry. The error output <c>{"Error","Cause"}</c> goes to <see cref="ResultPath"/> (default
/// <c>$</c>, null with <see cref="DiscardResult"/> keeps the input).</summary>
public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next)
{
    public JsonPathExpression? ResultPath { get; init; }

    public bool DiscardResult { get; init; }

    public TemplateNode? Assign { get; init; }

    /// <summary>JSONata <c>Output</c>, evaluated with <c>$states.errorOutput</c>; null gives the error output.</summary>
    public TemplateNode? Output { get; init; }
}
