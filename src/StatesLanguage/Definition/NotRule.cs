namespace StatesLanguage.Definition;

/// <summary>Negates its rule.</summary>
public sealed record NotRule(ChoiceRule Rule) : ChoiceRule;
