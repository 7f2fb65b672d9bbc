using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Validation;

namespace StatesLanguage.Parsing;

/// <summary>Retry and Catch lists. <c>States.ALL</c> must be alone in its ErrorEquals and in the last entry.</summary>
internal static class ErrorHandlingParser
{
    private static readonly HashSet<string> RetryFields =
        ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"];

    private static readonly HashSet<string> CatchFields = ["ErrorEquals", "Next", "ResultPath", "Assign", "Comment", "Output"];

    public static ErrorHandling Parse(FieldReader state)
    {
        var retry = new List<Retrier>();
        var catchers = new List<Catcher>();
        ForEach(state, "Retry", (reader, isLast) =>
        {
            reader.CheckAllowed(RetryFields, "a retrier");
            var jitter = reader.String("JitterStrategy");
            if (jitter is not null and not "FULL" and not "NONE")
                reader.Report(AslDiagnosticCodes.InvalidFieldValue, "JitterStrategy", "JitterStrategy must be FULL or NONE.");
            retry.Add(new Retrier(ErrorNames(reader, isLast))
            {
                IntervalSeconds = (int)(reader.Integer("IntervalSeconds", 1, 99_999_999) ?? 1),
                MaxAttempts = (int)(reader.Integer("MaxAttempts", 0, 99_999_999) ?? 3),
                BackoffRate = reader.Number("BackoffRate", 1.0, double.MaxValue) ?? 2.0,
                MaxDelaySeconds = (int?)reader.Integer("MaxDelaySeconds", 1, 31_622_400),
                JitterStrategy = jitter == "FULL" ? JitterStrategy.Full : JitterStrategy.None,
            });
        });
        ForEach(state, "Catch", (reader, isLast) =>
        {
            reader.CheckAllowed(CatchFields, "a catcher");
            var errors = ErrorNames(reader, isLast);
            var next = reader.String("Next", required: true) ?? "";
            var resultPath = reader.ReferencePath("ResultPath", out var discard);
            catchers.Add(new Catcher(errors, next)
            {
                ResultPath = resultPath, DiscardResult = discard, Assign = reader.Template("Assign"),
                Output = reader.Language == Definition.QueryLanguage.Jsonata ? reader.JsonataTemplate("Output") : null,
            });
        });
        return retry.Count == 0 && catchers.Count == 0 ? ErrorHandling.None : new ErrorHandling(retry, catchers);
    }

    private static void ForEach(FieldReader state, string field, Action<FieldReader, bool> parse)
    {
        if (!state.Has(field))
            return;
        if (state.Raw(field) is not JsonArray array)
        {
            state.Report(AslDiagnosticCodes.InvalidFieldValue, field, $"'{field}' must be an array.");
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject entry)
                parse(state.Nested(entry, $"{state.Path}.{field}[{i}]", state.Language), i == array.Count - 1);
            else
                state.Report(AslDiagnosticCodes.InvalidFieldValue, $"{field}[{i}]", "Each entry must be an object.");
        }
    }

    private static List<string> ErrorNames(FieldReader reader, bool isLast)
    {
        var names = new List<string>();
        if (reader.Raw("ErrorEquals") is not JsonArray array || array.Count == 0)
        {
            reader.Report(AslDiagnosticCodes.MissingField, "ErrorEquals", "'ErrorEquals' must be a non-empty array of error names.");
            return names;
        }
        foreach (var item in array)
        {
            if (Evaluation.JsonData.TryGetString(item, out var name))
                names.Add(name);
            else
                reader.Report(AslDiagnosticCodes.InvalidFieldValue, "ErrorEquals", "Error names must be strings.");
        }
        if (names.Contains(StatesErrorNames.All) && (names.Count > 1 || !isLast))
            reader.Report(AslDiagnosticCodes.StatesAllNotLast, "ErrorEquals", "'States.ALL' must appear alone and in the last retrier or catcher.");
        return names;
    }
}
