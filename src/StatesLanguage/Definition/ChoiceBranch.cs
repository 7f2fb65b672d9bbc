using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Definition;

/// <summary>A top-level Choice rule with its target and optional Assign.</summary>
public sealed record ChoiceBranch(ChoiceRule Rule, string Next)
{
    public TemplateNode? Assign { get; init; }

    /// <summary>JSONata <c>Output</c> of the rule, when it matches.</summary>
    public TemplateNode? Output { get; init; }
}
