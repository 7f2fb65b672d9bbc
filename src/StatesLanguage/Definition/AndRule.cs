namespace StatesLanguage.Definition;

/// <summary>True when every rule is true.</summary>
public sealed record AndRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;
