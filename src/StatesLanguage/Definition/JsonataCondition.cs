namespace StatesLanguage.Definition;

/// <summary>A JSONata Choice rule's <c>Condition</c>: <c>true</c>, <c>false</c> or a <c>{% … %}</c> expression that
/// must give a boolean.</summary>
public sealed record JsonataCondition(Evaluation.Templates.TemplateNode Condition) : ChoiceRule;
