using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Definition;

/// <summary><c>Variable</c> compared by <see cref="Operator"/> to a literal <see cref="Value"/> or, for the
/// <c>…Path</c> forms, to the value at <see cref="ValuePath"/>. For the <c>Is*</c> tests <see cref="Value"/> is the
/// Boolean; <c>false</c> negates the test.</summary>
public sealed record ComparisonRule(JsonPathExpression Variable, ComparisonOperator Operator) : ChoiceRule
{
    public JsonNode? Value { get; init; }

    public JsonPathExpression? ValuePath { get; init; }

    /// <summary>The operator name as written (such as <c>NumericEqualsPath</c>).</summary>
    public required string OperatorName { get; init; }
}
