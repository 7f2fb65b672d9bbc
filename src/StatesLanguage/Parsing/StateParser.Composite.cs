using StatesLanguage.Definition;
using StatesLanguage.Evaluation;
using StatesLanguage.Validation;

namespace StatesLanguage.Parsing;

/// <summary>Choice, Wait, Fail, Parallel and Map.</summary>
internal static partial class StateParser
{
    private static ChoiceState ParseChoice(string name, FieldReader reader)
    {
        var branches = new List<ChoiceBranch>();
        if (reader.Raw("Choices") is JsonArray choices && choices.Count > 0)
        {
            for (var i = 0; i < choices.Count; i++)
            {
                var path = $"{reader.Path}.Choices[{i}]";
                if (choices[i] is not JsonObject choice)
                {
                    reader.Diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidChoiceRule, path, "A choice rule must be an object."));
                    continue;
                }
                var ruleReader = reader.Nested(choice, path, reader.Language);
                var rule = reader.Language == QueryLanguage.Jsonata ? ParseCondition(ruleReader) : ChoiceRuleParser.Parse(ruleReader, topLevel: true);
                var next = ruleReader.String("Next", required: true);
                if (rule is not null && next is not null)
                    branches.Add(new ChoiceBranch(rule, next) { Assign = ruleReader.Template("Assign"), Output = ruleReader.JsonataTemplate("Output") });
            }
        }
        else
        {
            reader.Report(AslDiagnosticCodes.MissingField, "Choices", "A Choice state needs a non-empty 'Choices' array.");
        }
        return Checked(new ChoiceState(name, branches) { Default = reader.String("Default") }, reader, ChoiceFields);
    }

    private static readonly HashSet<string> ConditionFields = ["Condition", "Next", "Comment", "Assign", "Output"];

    /// <summary>A JSONata rule: <c>Condition</c>, a boolean or a <c>{% … %}</c> expression.</summary>
    private static JsonataCondition? ParseCondition(FieldReader reader)
    {
        reader.CheckAllowed(ConditionFields, "a JSONata choice rule");
        var condition = reader.Raw("Condition");
        if (!reader.Has("Condition"))
        {
            reader.Report(AslDiagnosticCodes.MissingField, "Condition", "A JSONata choice rule needs a 'Condition'.");
            return null;
        }
        if (condition?.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
            && Evaluation.Jsonata.JsonataQuery.ExpressionOf(condition) is null)
        {
            reader.Report(AslDiagnosticCodes.InvalidFieldValue, "Condition", "'Condition' must be a boolean or a {% … %} expression.");
            return null;
        }
        return new JsonataCondition(reader.JsonataTemplate("Condition")!);
    }

    private static WaitState ParseWait(string name, FieldReader reader)
    {
        ExactlyOne(reader, "Seconds", "SecondsPath", "Timestamp", "TimestampPath");
        var secondsExpression = reader.JsonataExpression("Seconds");
        var timestampExpression = reader.JsonataExpression("Timestamp");
        DateTimeOffset? timestamp = null;
        if (timestampExpression is null && reader.String("Timestamp") is string text)
        {
            if (Timestamps.TryParse(text, out var parsed))
                timestamp = parsed;
            else
                reader.Report(AslDiagnosticCodes.InvalidFieldValue, "Timestamp", $"'{text}' is not an ISO-8601 timestamp.");
        }
        var state = new WaitState(name)
        {
            Seconds = secondsExpression is null ? reader.Integer("Seconds", 0, 99_999_999) : null,
            SecondsExpression = secondsExpression,
            TimestampExpression = timestampExpression,
            SecondsPath = reader.PathField("SecondsPath"),
            Timestamp = timestamp,
            TimestampPath = reader.PathField("TimestampPath"),
        };
        return WithTransition(Checked(state, reader, WaitFields), reader);
    }

    private static FailState ParseFail(string name, FieldReader reader)
    {
        AtMostOne(reader, "Error", "ErrorPath");
        AtMostOne(reader, "Cause", "CausePath");
        var errorExpression = reader.JsonataExpression("Error");
        var causeExpression = reader.JsonataExpression("Cause");
        return Checked(new FailState(name)
        {
            Error = errorExpression is null ? reader.String("Error") : null,
            Cause = causeExpression is null ? reader.String("Cause") : null,
            ErrorPath = errorExpression ?? (reader.Has("ErrorPath")
                ? TemplateCompiler.CompileExpression(reader.Raw("ErrorPath"), "ErrorPath", reader.FieldPath("ErrorPath"), reader.Diagnostics)
                : null),
            CausePath = causeExpression ?? (reader.Has("CausePath")
                ? TemplateCompiler.CompileExpression(reader.Raw("CausePath"), "CausePath", reader.FieldPath("CausePath"), reader.Diagnostics)
                : null),
        }, reader, FailFields);
    }

    private static ParallelState ParseParallel(string name, FieldReader reader)
    {
        var branches = new List<StateMachineDefinition>();
        if (reader.Raw("Branches") is JsonArray array && array.Count > 0)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject branch)
                    branches.Add(DefinitionParser.ParseMachine(reader.Nested(branch, $"{reader.Path}.Branches[{i}]"), isProcessor: true));
                else
                    reader.Report(AslDiagnosticCodes.InvalidFieldValue, $"Branches[{i}]", "A branch must be an object.");
            }
        }
        else
        {
            reader.Report(AslDiagnosticCodes.MissingField, "Branches", "A Parallel state needs a non-empty 'Branches' array.");
        }
        var state = new ParallelState(name, branches) { Data = ReadResultHandling(reader), Errors = ErrorHandlingParser.Parse(reader) };
        return WithTransition(Checked(state, reader, ParallelFields), reader);
    }

    private static MapState ParseMap(string name, FieldReader reader)
    {
        ExactlyOne(reader, "ItemProcessor", "Iterator");
        foreach (var unsupported in (string[])["ItemReader", "ItemBatcher", "ResultWriter"])
        {
            if (reader.Has(unsupported))
                reader.Report(AslDiagnosticCodes.UnsupportedFeature, unsupported, $"'{unsupported}' (Distributed Map with external data) is not supported by the local engine.");
        }
        AtMostOne(reader, "ItemSelector", "Parameters");
        AtMostOne(reader, "MaxConcurrency", "MaxConcurrencyPath");
        AtMostOne(reader, "ToleratedFailureCount", "ToleratedFailureCountPath");
        AtMostOne(reader, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        var field = reader.Has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        var processor = reader.Raw(field) as JsonObject;
        var distributed = processor?["ProcessorConfig"]?["Mode"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && processor["ProcessorConfig"]!["Mode"]!.GetValue<string>() == "DISTRIBUTED";
        var machine = processor is null
            ? new StateMachineDefinition("", new Dictionary<string, StateDefinition>())
            : DefinitionParser.ParseMachine(reader.Nested(processor, reader.FieldPath(field)), isProcessor: true);
        var concurrencyExpression = reader.JsonataExpression("MaxConcurrency");
        var countExpression = reader.JsonataExpression("ToleratedFailureCount");
        var percentageExpression = reader.JsonataExpression("ToleratedFailurePercentage");
        var state = new MapState(name, machine)
        {
            ItemsPath = reader.DataPath("ItemsPath"),
            Items = reader.Language == QueryLanguage.Jsonata ? reader.JsonataTemplate("Items") : null,
            ItemSelector = reader.Template(reader.Has("ItemSelector") ? "ItemSelector" : "Parameters"),
            Data = ReadResultHandling(reader, withParameters: false),
            Errors = ErrorHandlingParser.Parse(reader),
            MaxConcurrencyExpression = concurrencyExpression,
            ToleratedFailureCountExpression = countExpression,
            ToleratedFailurePercentageExpression = percentageExpression,
            MaxConcurrency = concurrencyExpression is null ? (int)(reader.Integer("MaxConcurrency", 0, int.MaxValue) ?? 0) : 0,
            MaxConcurrencyPath = reader.PathField("MaxConcurrencyPath"),
            ToleratedFailureCount = countExpression is null ? (int?)reader.Integer("ToleratedFailureCount", 0, int.MaxValue) : null,
            ToleratedFailureCountPath = reader.PathField("ToleratedFailureCountPath"),
            ToleratedFailurePercentage = percentageExpression is null ? reader.Number("ToleratedFailurePercentage", 0, 100) : null,
            ToleratedFailurePercentagePath = reader.PathField("ToleratedFailurePercentagePath"),
            IsDistributed = distributed,
        };
        return WithTransition(Checked(state, reader, MapFields), reader);
    }
}
