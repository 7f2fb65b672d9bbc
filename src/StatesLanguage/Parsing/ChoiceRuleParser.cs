using System.Text.Json;
using StatesLanguage.Definition;
using StatesLanguage.Evaluation;
using StatesLanguage.Validation;

namespace StatesLanguage.Parsing;

/// <summary>Parses Choice rules: And/Or/Not, or a Variable with exactly one comparison operator. Only top-level rules
/// carry Next (and Assign).</summary>
internal static class ChoiceRuleParser
{
    private static readonly Dictionary<string, (ComparisonOperator Operator, bool IsPath)> Operators = BuildOperators();

    private static Dictionary<string, (ComparisonOperator, bool)> BuildOperators()
    {
        var map = new Dictionary<string, (ComparisonOperator, bool)>(StringComparer.Ordinal);
        foreach (var op in Enum.GetValues<ComparisonOperator>())
        {
            var name = op.ToString();
            map[name] = (op, false);
            if (!name.StartsWith("Is", StringComparison.Ordinal) && op != ComparisonOperator.StringMatches)
                map[name + "Path"] = (op, true);
        }
        return map;
    }

    private static readonly HashSet<string> RuleFields = ["Variable", "Next", "Comment", "Assign", "And", "Or", "Not"];

    public static ChoiceRule? Parse(FieldReader reader, bool topLevel)
    {
        foreach (var (name, _) in reader.Source)
        {
            if (!RuleFields.Contains(name) && !Operators.ContainsKey(name))
                reader.Report(AslDiagnosticCodes.FieldNotAllowed, name, $"The field '{name}' is not supported in a choice rule.");
        }
        if (!topLevel && reader.Has("Next"))
            reader.Report(AslDiagnosticCodes.InvalidChoiceRule, "Next", "Only top-level choice rules may have 'Next'.");
        if (!topLevel && reader.Has("Assign"))
            reader.Report(AslDiagnosticCodes.InvalidChoiceRule, "Assign", "Only top-level choice rules may have 'Assign'.");
        if (reader.Has("And") || reader.Has("Or"))
        {
            var field = reader.Has("And") ? "And" : "Or";
            var rules = ParseList(reader, field);
            return rules is null ? null : field == "And" ? new AndRule(rules) : new OrRule(rules);
        }
        if (reader.Has("Not"))
        {
            if (reader.Raw("Not") is not JsonObject inner)
            {
                reader.Report(AslDiagnosticCodes.InvalidChoiceRule, "Not", "'Not' must hold one choice rule.");
                return null;
            }
            var rule = Parse(new FieldReader(inner, reader.FieldPath("Not"), reader.Diagnostics), topLevel: false);
            return rule is null ? null : new NotRule(rule);
        }
        return ParseComparison(reader);
    }

    private static List<ChoiceRule>? ParseList(FieldReader reader, string field)
    {
        if (reader.Raw(field) is not JsonArray array || array.Count == 0)
        {
            reader.Report(AslDiagnosticCodes.InvalidChoiceRule, field, $"'{field}' must be a non-empty array of choice rules.");
            return null;
        }
        var rules = new List<ChoiceRule>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{reader.FieldPath(field)}[{i}]";
            if (array[i] is JsonObject obj && Parse(new FieldReader(obj, path, reader.Diagnostics), topLevel: false) is { } rule)
                rules.Add(rule);
            else if (array[i] is not JsonObject)
                reader.Diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidChoiceRule, path, "A choice rule must be an object."));
        }
        return rules;
    }

    private static ComparisonRule? ParseComparison(FieldReader reader)
    {
        var variable = reader.PathField("Variable");
        string? operatorName = null;
        foreach (var (name, _) in reader.Source)
        {
            if (!Operators.ContainsKey(name))
                continue;
            if (operatorName is not null)
            {
                reader.Report(AslDiagnosticCodes.InvalidChoiceRule, name, "A choice rule must have exactly one comparison operator.");
                return null;
            }
            operatorName = name;
        }
        if (operatorName is null || variable is null)
        {
            if (!reader.Has("Variable"))
                reader.Report(AslDiagnosticCodes.InvalidChoiceRule, "", "A choice rule needs 'Variable' and one comparison operator, or And/Or/Not.");
            else if (operatorName is null)
                reader.Report(AslDiagnosticCodes.InvalidChoiceRule, "", "A choice rule needs a comparison operator.");
            return null;
        }
        var (op, isPath) = Operators[operatorName];
        if (isPath)
        {
            var valuePath = reader.PathField(operatorName);
            return valuePath is null ? null : new ComparisonRule(variable, op) { ValuePath = valuePath, OperatorName = operatorName };
        }
        var value = reader.Raw(operatorName);
        if (!IsValidLiteral(op, value))
        {
            reader.Report(AslDiagnosticCodes.InvalidChoiceRule, operatorName, $"The value of '{operatorName}' has the wrong type.");
            return null;
        }
        return new ComparisonRule(variable, op) { Value = JsonData.Materialize(value?.DeepClone()), OperatorName = operatorName };
    }

    private static bool IsValidLiteral(ComparisonOperator op, JsonNode? value)
    {
        var kind = JsonData.Kind(value);
        return op switch
        {
            >= ComparisonOperator.StringEquals and <= ComparisonOperator.StringMatches => kind == JsonValueKind.String,
            >= ComparisonOperator.NumericEquals and <= ComparisonOperator.NumericGreaterThanEquals => kind == JsonValueKind.Number,
            >= ComparisonOperator.TimestampEquals and <= ComparisonOperator.TimestampGreaterThanEquals =>
                JsonData.TryGetString(value, out var text) && Timestamps.TryParse(text, out _),
            _ => kind is JsonValueKind.True or JsonValueKind.False,
        };
    }
}
