using StatesLanguage.Definition;
using StatesLanguage.Validation;

namespace StatesLanguage.Parsing;

/// <summary>Parses one state by its <c>Type</c>, checking which fields that type allows.</summary>
internal static partial class StateParser
{
    private static readonly HashSet<string> Common = ["Type", "Comment", "QueryLanguage"];

    private static HashSet<string> Fields(params string[] names)
    {
        var set = new HashSet<string>(Common, StringComparer.Ordinal);
        set.UnionWith(names);
        return set;
    }

    private static readonly HashSet<string> PassFields =
        Fields("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath", "Assign", "Output");

    private static readonly HashSet<string> TaskFields = Fields("Next", "End", "InputPath", "OutputPath", "Parameters",
        "ResultSelector", "ResultPath", "Retry", "Catch", "Resource", "TimeoutSeconds", "TimeoutSecondsPath",
        "HeartbeatSeconds", "HeartbeatSecondsPath", "Assign", "Credentials", "Arguments", "Output");

    private static readonly HashSet<string> ChoiceFields = Fields("Choices", "Default", "InputPath", "OutputPath", "Assign", "Output");

    private static readonly HashSet<string> WaitFields =
        Fields("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Assign", "Output");

    private static readonly HashSet<string> SucceedFields = Fields("InputPath", "OutputPath", "Output");

    private static readonly HashSet<string> FailFields = Fields("Error", "Cause", "ErrorPath", "CausePath");

    private static readonly HashSet<string> ParallelFields = Fields("Next", "End", "InputPath", "OutputPath", "Parameters",
        "ResultSelector", "ResultPath", "Retry", "Catch", "Branches", "Assign", "Arguments", "Output");

    private static readonly HashSet<string> MapFields = Fields("Next", "End", "InputPath", "OutputPath", "ItemsPath",
        "ItemSelector", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Iterator", "ItemProcessor",
        "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
        "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ItemReader", "ItemBatcher", "ResultWriter", "Label", "Assign", "Items", "Output");

    public static StateDefinition? Parse(string name, FieldReader reader)
    {
        var type = reader.String("Type", required: true);
        var language = reader.QueryLanguage(reader.DefaultLanguage);
        if (language == QueryLanguage.JsonPath && reader.DefaultLanguage == QueryLanguage.Jsonata)
            reader.Report(AslDiagnosticCodes.UnsupportedQueryLanguage, "QueryLanguage", "A JSONPath state cannot be in a machine whose QueryLanguage is JSONata.");
        reader = reader.Nested(reader.Source, reader.Path, language);
        StateDefinition? state = type switch
        {
            "Pass" => ParsePass(name, reader),
            "Task" => ParseTask(name, reader),
            "Choice" => ParseChoice(name, reader),
            "Wait" => ParseWait(name, reader),
            "Succeed" => Checked(new SucceedState(name), reader, SucceedFields),
            "Fail" => ParseFail(name, reader),
            "Parallel" => ParseParallel(name, reader),
            "Map" => ParseMap(name, reader),
            _ => null,
        };
        if (state is null)
        {
            if (type is not null)
                reader.Report(AslDiagnosticCodes.InvalidStateType, "Type", $"'{type}' is not a state type.");
            return null;
        }
        return state with
        {
            Comment = reader.String("Comment"),
            InputPath = reader.DataPath("InputPath"),
            OutputPath = reader.DataPath("OutputPath"),
            Assign = reader.Template("Assign"),
            QueryLanguage = language,
            Output = language == QueryLanguage.Jsonata ? reader.JsonataTemplate("Output") : null,
        };
    }

    private static T Checked<T>(T state, FieldReader reader, HashSet<string> allowed) where T : StateDefinition
    {
        reader.CheckAllowed(allowed, $"a {state.Type} state");
        return state;
    }

    /// <summary>Next or End, exactly one.</summary>
    private static T WithTransition<T>(T state, FieldReader reader) where T : StateDefinition
    {
        var next = reader.String("Next");
        var end = reader.Boolean("End");
        if (next is not null && end)
            reader.Report(AslDiagnosticCodes.NextAndEnd, "", "A state cannot have both 'Next' and 'End'.");
        else if (next is null && !end)
            reader.Report(AslDiagnosticCodes.MissingTransition, "", "A state must have either 'Next' or 'End': true.");
        return state with { Next = next, End = end };
    }

    private static ResultHandling ReadResultHandling(FieldReader reader, bool withParameters = true)
    {
        var resultPath = reader.ReferencePath("ResultPath", out var discard);
        return new ResultHandling
        {
            Parameters = withParameters ? reader.Template(reader.Language == QueryLanguage.Jsonata ? "Arguments" : "Parameters") : null,
            ResultSelector = reader.Has("ResultSelector") ? reader.Template("ResultSelector") : null,
            ResultPath = resultPath,
            DiscardResult = discard,
        };
    }

    private static PassState ParsePass(string name, FieldReader reader)
    {
        var state = new PassState(name)
        {
            HasResult = reader.Has("Result"),
            Result = Evaluation.JsonData.Materialize(reader.Raw("Result")?.DeepClone()),
            Data = ReadResultHandling(reader),
        };
        return WithTransition(Checked(state, reader, PassFields), reader);
    }

    private static TaskState ParseTask(string name, FieldReader reader)
    {
        var timeoutExpression = reader.JsonataExpression("TimeoutSeconds");
        var heartbeatExpression = reader.JsonataExpression("HeartbeatSeconds");
        var state = new TaskState(name, reader.String("Resource", required: true) ?? "")
        {
            Data = ReadResultHandling(reader),
            Errors = ErrorHandlingParser.Parse(reader),
            TimeoutSecondsExpression = timeoutExpression,
            HeartbeatSecondsExpression = heartbeatExpression,
            TimeoutSeconds = timeoutExpression is null ? (int?)reader.Integer("TimeoutSeconds", 1, 99_999_999) : null,
            TimeoutSecondsPath = reader.PathField("TimeoutSecondsPath"),
            HeartbeatSeconds = heartbeatExpression is null ? (int?)reader.Integer("HeartbeatSeconds", 1, 99_999_999) : null,
            HeartbeatSecondsPath = reader.PathField("HeartbeatSecondsPath"),
        };
        AtMostOne(reader, "TimeoutSeconds", "TimeoutSecondsPath");
        AtMostOne(reader, "HeartbeatSeconds", "HeartbeatSecondsPath");
        if (state.TimeoutSeconds is int timeout && state.HeartbeatSeconds is int heartbeat && heartbeat >= timeout)
            reader.Report(AslDiagnosticCodes.InvalidFieldValue, "HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds.");
        return WithTransition(Checked(state, reader, TaskFields), reader);
    }

    internal static void AtMostOne(FieldReader reader, params string[] fields)
    {
        var count = 0;
        foreach (var field in fields)
            count += reader.Has(field) ? 1 : 0;
        if (count > 1)
            reader.Report(AslDiagnosticCodes.MutuallyExclusive, "", $"At most one of {string.Join(", ", fields)} may be set.");
    }

    internal static void ExactlyOne(FieldReader reader, params string[] fields)
    {
        var count = 0;
        foreach (var field in fields)
            count += reader.Has(field) ? 1 : 0;
        if (count != 1)
            reader.Report(AslDiagnosticCodes.ExactlyOneRequired, "", $"Exactly one of {string.Join(", ", fields)} must be set.");
    }
}
