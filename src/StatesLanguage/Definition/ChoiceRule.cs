namespace StatesLanguage.Definition;

/// <summary>A Boolean expression of a Choice state.</summary>
public abstract record ChoiceRule;
