using StatesLanguage.Definition;
using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation.States;

/// <summary>Fail: raises Error/Cause, or the values of ErrorPath/CausePath (paths or intrinsic functions).</summary>
internal sealed class FailExecutor : IStateExecutor
{
    public ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        var fail = (FailState)state;
        var scope = run.DataScope(input);
        var error = fail.ErrorPath is null ? fail.Error : AsText(fail.ErrorPath.Evaluate(scope));
        var cause = fail.CausePath is null ? fail.Cause : AsText(fail.CausePath.Evaluate(scope));
        throw new StatesErrorException(error, cause);
    }

    private static string? AsText(JsonNode? value) =>
        value is null ? null : JsonData.TryGetString(value, out var text) ? text : JsonData.Serialize(value);
}
