using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Server.Api;

namespace StatesLanguage.Server.StateMachines;

/// <summary>What CreateStateMachine and UpdateStateMachine check and fill in: the definition (validated by the
/// engine, problems worded as AWS words them), the role ARN, and the logging and tracing configuration with AWS's
/// defaults.</summary>
internal static class StateMachineDefinitions
{
    private const string Express = "EXPRESS";

    /// <summary>Parses and validates the definition with the engine.</summary>
    /// <exception cref="StepFunctionsException">InvalidDefinition listing every problem as AWS does:
    /// <c>CODE: message at /json/pointer</c>, joined with ", ".</exception>
    internal static StateMachine Compile(string definition, string type)
    {
        try
        {
            var machine = StateMachine.Parse(definition);
            if (type == Express && ExpressChecks.Problems(definition) is { Count: > 0 } problems)
                throw StepFunctionsErrors.InvalidDefinition(string.Join(", ", problems));
            return machine;
        }
        catch (AslValidationException ex)
        {
            throw StepFunctionsErrors.InvalidDefinition(string.Join(", ", ex.Diagnostics.Select(d => $"{d.Code}: {d.Message} at {Pointer(d.Path)}")));
        }
    }

    /// <summary>The engine's diagnostic path (<c>$.States.A.Branches[0]</c>) as AWS writes it (<c>/States/A/Branches/0</c>).</summary>
    internal static string Pointer(string path)
    {
        var pointer = path.StartsWith('$') ? path[1..] : path;
        pointer = pointer.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');
        return pointer.Length == 0 ? "/" : pointer;
    }

    /// <exception cref="StepFunctionsException">InvalidArn: the role is not an ARN.</exception>
    internal static void CheckRoleArn(string roleArn)
    {
        if (!roleArn.StartsWith("arn:", StringComparison.Ordinal))
            throw StepFunctionsErrors.InvalidArnPrefix(roleArn);
    }

    /// <summary>AWS's defaults: level OFF, includeExecutionData false; destinations kept when given.</summary>
    internal static JsonObject Logging(JsonObject? given)
    {
        var logging = new JsonObject
        {
            ["level"] = given?["level"]?.DeepClone() ?? "OFF",
            ["includeExecutionData"] = given?["includeExecutionData"]?.DeepClone() ?? false,
        };
        if (given?["destinations"] is { } destinations)
            logging["destinations"] = destinations.DeepClone();
        return logging;
    }

    internal static JsonObject Tracing(JsonObject? given) => new() { ["enabled"] = given?["enabled"]?.DeepClone() ?? false };
}
