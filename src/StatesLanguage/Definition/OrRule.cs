namespace StatesLanguage.Definition;

/// <summary>True when any rule is true.</summary>
public sealed record OrRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;
