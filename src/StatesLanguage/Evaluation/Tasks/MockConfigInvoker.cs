using System.Collections.Concurrent;
using System.Text.Json;
using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation.Tasks;

/// <summary>Answers Task states from an AWS Step Functions Local MockConfigFile: <c>StateMachines.{machine}.TestCases
/// .{case}.{state}</c> names a response in <c>MockedResponses</c>, whose keys (<c>"0"</c>, <c>"1-2"</c>) count that
/// state's invocations from 0, retries included. <c>Return</c> is the task result; <c>Throw</c> fails the task with
/// its Error and Cause. An invocation no key covers fails the execution (States.Runtime); a state the test case does
/// not list goes to <paramref name="fallback"/>, or fails the same way without one.</summary>
public sealed class MockConfigInvoker(JsonNode mockConfig, string stateMachineName, string testCaseName, ITaskInvoker? fallback = null)
    : ITaskInvoker
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var responseName = mockConfig["StateMachines"]?[stateMachineName]?["TestCases"]?[testCaseName]?[invocation.StateName];
        if (!JsonData.TryGetString(responseName, out var name))
        {
            return fallback?.InvokeAsync(invocation, cancellationToken)
                ?? throw new StatesErrorException(StatesErrorNames.Runtime,
                    $"No mocked response for state '{invocation.StateName}' in test case '{testCaseName}'.");
        }
        var count = _counts.AddOrUpdate(invocation.StateName, 0, (_, previous) => previous + 1);
        var responses = mockConfig["MockedResponses"]?[name] as JsonObject
            ?? throw new StatesErrorException(StatesErrorNames.Runtime, $"The mocked response '{name}' is not defined.");
        foreach (var (key, response) in responses)
        {
            if (!Covers(key, count))
                continue;
            if (response?["Throw"] is JsonObject thrown)
            {
                throw new TaskFailedException(
                    JsonData.TryGetString(thrown["Error"], out var error) ? error : StatesErrorNames.TaskFailed,
                    JsonData.TryGetString(thrown["Cause"], out var cause) ? cause : null);
            }
            return Task.FromResult(JsonData.Clone(response?["Return"]));
        }
        throw new StatesErrorException(StatesErrorNames.Runtime,
            $"The mocked response '{name}' has no entry for invocation {count} of state '{invocation.StateName}'.");
    }

    private static bool Covers(string key, int invocation)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var single) && single == invocation;
        return int.TryParse(key.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && invocation >= from && invocation <= to;
    }

    /// <summary>Loads a MockConfigFile's JSON text.</summary>
    public static JsonNode ParseConfig(string json) =>
        JsonNode.Parse(json) ?? throw new JsonException("The mock configuration is empty.");
}
