using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Definition;

/// <summary>Parameters, ResultSelector and ResultPath of a state that produces a result. A null
/// <see cref="ResultPath"/> with <see cref="DiscardResult"/> is <c>"ResultPath": null</c> (keep the input).</summary>
public sealed record ResultHandling
{
    public static readonly ResultHandling Default = new();

    public TemplateNode? Parameters { get; init; }

    public TemplateNode? ResultSelector { get; init; }

    public JsonPathExpression? ResultPath { get; init; }

    public bool DiscardResult { get; init; }
}
