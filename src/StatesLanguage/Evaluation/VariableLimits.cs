using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation;

/// <summary>
/// Step Functions' limits on workflow variables, sizes in bytes of UTF-8 JSON: one variable at most 256 KiB, all the
/// variables of one Assign together at most 256 KiB, and all the variables stored at most 10 MiB per execution (here:
/// all the variables an Assign's scope sees, its own and its enclosing scopes'). Over a limit, the state fails with
/// States.DataLimitExceeded, as it does for state data over its limit.
/// </summary>
internal static class VariableLimits
{
    public const long MaxVariableBytes = 256 * 1024;

    public const long MaxAssignBytes = 256 * 1024;

    public const long MaxStoredBytes = 10 * 1024 * 1024;

    /// <exception cref="StatesErrorException">States.DataLimitExceeded, naming the variable or the limit.</exception>
    public static void Check(IReadOnlyList<KeyValuePair<string, JsonNode?>> values, IReadOnlyList<long> sizes, VariableScope scope, string stateName)
    {
        long sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (sizes[i] > MaxVariableBytes)
            {
                throw Exceeded($"The state '{stateName}' assigned the variable '{values[i].Key}' a value of {sizes[i]:N0} bytes: "
                               + $"a variable holds at most {MaxVariableBytes:N0} bytes.");
            }
            sum += sizes[i];
        }
        if (sum > MaxAssignBytes)
        {
            throw Exceeded($"The Assign of the state '{stateName}' sets {sum:N0} bytes of variables: one Assign sets at most "
                           + $"{MaxAssignBytes:N0} bytes.");
        }
        var stored = scope.BytesInScopeAfter(values, sizes);
        if (stored > MaxStoredBytes)
        {
            throw Exceeded($"After the Assign of the state '{stateName}' the variables would hold {stored:N0} bytes: an execution "
                           + $"stores at most {MaxStoredBytes:N0} bytes of variables.");
        }
    }

    private static StatesErrorException Exceeded(string cause) => new(StatesErrorNames.DataLimitExceeded, cause);
}
