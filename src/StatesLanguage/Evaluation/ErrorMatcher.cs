using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation;

/// <summary>AWS's ErrorEquals rules: <c>States.ALL</c> matches any error, <c>States.TaskFailed</c> any error except
/// <c>States.Timeout</c>, other names match exactly. States.Runtime is never retried or caught.</summary>
internal static class ErrorMatcher
{
    public static bool IsRecoverable(StatesError error) => error.Name != StatesErrorNames.Runtime;

    public static bool Matches(IReadOnlyList<string> errorEquals, StatesError error)
    {
        var name = error.Name ?? "";
        foreach (var candidate in errorEquals)
        {
            if (candidate == StatesErrorNames.All)
                return true;
            if (candidate == StatesErrorNames.TaskFailed && name != StatesErrorNames.Timeout)
                return true;
            if (string.Equals(candidate, name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
