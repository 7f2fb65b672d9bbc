using System.Text.Json;
using StatesLanguage.Definition;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.States;

/// <summary>MaxConcurrency and the tolerated failure thresholds of one Map run, resolved from literals or paths and
/// checked with AWS's messages.</summary>
internal sealed record MapLimits(int MaxConcurrency, int? ToleratedFailureCount, double? ToleratedFailurePercentage)
{
    public static MapLimits Resolve(MapState map, StateData effective, StateRun run)
    {
        var scope = run.DataScope(effective);
        var maxConcurrency = map.MaxConcurrency;
        if (map.MaxConcurrencyExpression is { } concurrencyExpression)
        {
            var value = concurrencyExpression.Evaluate(scope);
            if (!TryInteger(value, out var parsed) || parsed is < 0 or > int.MaxValue)
                throw Jsonata.JsonataQuery.Failure(scope, $"The MaxConcurrency field must be a non-negative integer, but was: {Show(value)}");
            maxConcurrency = (int)parsed;
        }
        if (map.MaxConcurrencyPath is JsonPathExpression concurrencyPath)
        {
            var value = Read(concurrencyPath, scope, run);
            if (!TryInteger(value, out var parsed) || parsed > int.MaxValue)
                throw run.RuntimeError($"The MaxConcurrencyPath field refers to value \"{Show(value)}\" which is not a valid integer: {concurrencyPath.Text}");
            if (parsed < 0)
                throw run.RuntimeError("MaxConcurrency cannot be negative.");
            maxConcurrency = (int)parsed;
        }
        var count = map.ToleratedFailureCount;
        if (map.ToleratedFailureCountPath is JsonPathExpression countPath)
        {
            var value = Read(countPath, scope, run);
            if (!TryInteger(value, out var parsed) || parsed > int.MaxValue)
                throw run.RuntimeError($"The ToleratedFailureCountPath field refers to value \"{Show(value)}\" which is not a valid integer: {countPath.Text}");
            if (parsed < 0)
                throw run.RuntimeError("ToleratedFailureCount cannot be negative.");
            count = (int)parsed;
        }
        if (map.ToleratedFailureCountExpression is { } countExpression)
        {
            var value = countExpression.Evaluate(scope);
            if (!TryInteger(value, out var parsed) || parsed > int.MaxValue)
                throw Jsonata.JsonataQuery.Failure(scope, $"The ToleratedFailureCount field must be an integer, but was: {Show(value)}");
            if (parsed < 0)
                throw Jsonata.JsonataQuery.Failure(scope, "ToleratedFailureCount cannot be negative.");
            count = (int)parsed;
        }
        var percentage = map.ToleratedFailurePercentage;
        if (map.ToleratedFailurePercentageExpression is { } percentageExpression)
        {
            var value = percentageExpression.Evaluate(scope);
            if (!TryNumber(value, out var parsed))
                throw Jsonata.JsonataQuery.Failure(scope, $"The ToleratedFailurePercentage field must be a number, but was: {Show(value)}");
            if (parsed is < 0 or > 100)
                throw Jsonata.JsonataQuery.Failure(scope, "ToleratedFailurePercentage must be between 0 and 100.");
            percentage = parsed;
        }
        if (map.ToleratedFailurePercentagePath is JsonPathExpression percentagePath)
        {
            var value = Read(percentagePath, scope, run);
            if (!TryNumber(value, out var parsed))
                throw run.RuntimeError($"The ToleratedFailurePercentagePath field refers to value \"{Show(value)}\" which is not a valid float: {percentagePath.Text}");
            if (parsed is < 0 or > 100)
                throw run.RuntimeError("ToleratedFailurePercentage must be between 0 and 100.");
            percentage = parsed;
        }
        return new MapLimits(maxConcurrency, count, percentage);
    }

    /// <summary>True when <paramref name="failures"/> out of <paramref name="total"/> is more than tolerated.</summary>
    public bool IsExceeded(int failures, int total)
    {
        if (failures == 0)
            return false;
        if (ToleratedFailureCount is null && ToleratedFailurePercentage is null)
            return true;
        var byCount = ToleratedFailureCount is int count && failures > count;
        var byPercentage = ToleratedFailurePercentage is double percent && failures * 100.0 / total > percent;
        return byCount || byPercentage;
    }

    /// <summary>A number, or a string holding one: AWS parses the referenced value as text.</summary>
    private static bool TryInteger(JsonNode? value, out long result) =>
        JsonData.TryGetInteger(value, out result)
        || (JsonData.TryGetString(value, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result));

    private static bool TryNumber(JsonNode? value, out double result) =>
        JsonData.TryGetNumber(value, out result)
        || (JsonData.TryGetString(value, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result));

    private static JsonNode? Read(JsonPathExpression path, in DataScope scope, StateRun run)
    {
        if (path.TryEvaluate(scope, out var value, out var failure))
            return value;
        throw run.RuntimeError($"Invalid path '{path.Text}' : {failure}");
    }

    private static string Show(JsonNode? value) =>
        JsonData.Kind(value) == JsonValueKind.String ? value!.GetValue<string>() : JsonData.Serialize(value);
}
