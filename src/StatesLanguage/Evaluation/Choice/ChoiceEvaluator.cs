using StatesLanguage.Errors;
using System.Text.Json;
using StatesLanguage.Definition;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.Choice;

/// <summary>Evaluates Choice rules. A comparison whose operand has the wrong type is false (no error); the
/// <c>Is*</c> tests set to <c>false</c> negate the test, as AWS does; a missing Variable is a States.Runtime error
/// except for IsPresent.</summary>
internal static class ChoiceEvaluator
{
    public static bool Evaluate(ChoiceRule rule, in DataScope scope, StateRun run)
    {
        switch (rule)
        {
            case AndRule and:
                foreach (var inner in and.Rules)
                {
                    if (!Evaluate(inner, scope, run))
                        return false;
                }
                return true;
            case OrRule or:
                foreach (var inner in or.Rules)
                {
                    if (Evaluate(inner, scope, run))
                        return true;
                }
                return false;
            case NotRule not:
                return !Evaluate(not.Rule, scope, run);
            case JsonataCondition condition:
                return condition.Condition.Evaluate(scope) is JsonValue value && value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
                    ? value.GetValue<bool>()
                    : throw new StatesErrorException(StatesErrorNames.QueryEvaluationError,
                        $"{run.ErrorPrefix} The JSONata expression specified for the field 'Condition' did not return a boolean.");
            default:
                return Compare((ComparisonRule)rule, scope, run);
        }
    }

    private static bool Compare(ComparisonRule rule, in DataScope scope, StateRun run)
    {
        var found = rule.Variable.TryEvaluate(scope, out var value, out _);
        if (rule.Operator == ComparisonOperator.IsPresent)
            return found == IsTrue(rule.Value);
        if (!found)
            throw run.RuntimeError($"Invalid path '{rule.Variable.Text}': The choice state's condition path references an invalid value.");
        if (rule.Operator >= ComparisonOperator.IsNull)
            return TypeTest(rule.Operator, value) == IsTrue(rule.Value);
        var expected = rule.Value;
        if (rule.ValuePath is not null)
        {
            if (!rule.ValuePath.TryEvaluate(scope, out expected, out _))
                throw run.RuntimeError($"Invalid path '{rule.ValuePath.Text}': The choice state's condition path references an invalid value.");
        }
        return rule.Operator switch
        {
            ComparisonOperator.StringMatches => JsonData.TryGetString(value, out var text) && JsonData.TryGetString(expected, out var pattern)
                && WildcardMatcher.IsMatch(text, pattern),
            <= ComparisonOperator.StringGreaterThanEquals => JsonData.TryGetString(value, out var a) && JsonData.TryGetString(expected, out var b)
                && Holds(rule.Operator - ComparisonOperator.StringEquals, string.CompareOrdinal(a, b)),
            <= ComparisonOperator.NumericGreaterThanEquals => JsonData.TryGetNumber(value, out var x) && JsonData.TryGetNumber(expected, out var y)
                && Holds(rule.Operator - ComparisonOperator.NumericEquals, x.CompareTo(y)),
            ComparisonOperator.BooleanEquals => JsonData.TryGetBoolean(value, out var p) && JsonData.TryGetBoolean(expected, out var q) && p == q,
            _ => TryTimestamp(value, out var t) && TryTimestamp(expected, out var u)
                && Holds(rule.Operator - ComparisonOperator.TimestampEquals, t.CompareTo(u)),
        };
    }

    /// <summary>Offset 0..4 within a family: Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals.</summary>
    private static bool Holds(int relation, int order) => relation switch
    {
        0 => order == 0,
        1 => order < 0,
        2 => order > 0,
        3 => order <= 0,
        _ => order >= 0,
    };

    private static bool TryTimestamp(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        return JsonData.TryGetString(node, out var text) && Timestamps.TryParse(text, out value);
    }

    private static bool IsTrue(JsonNode? node) => JsonData.Kind(node) == JsonValueKind.True;

    private static bool TypeTest(ComparisonOperator op, JsonNode? value)
    {
        var kind = JsonData.Kind(value);
        return op switch
        {
            ComparisonOperator.IsNull => kind == JsonValueKind.Null,
            ComparisonOperator.IsNumeric => kind == JsonValueKind.Number,
            ComparisonOperator.IsString => kind == JsonValueKind.String,
            ComparisonOperator.IsBoolean => kind is JsonValueKind.True or JsonValueKind.False,
            _ => TryTimestamp(value, out _),
        };
    }
}
