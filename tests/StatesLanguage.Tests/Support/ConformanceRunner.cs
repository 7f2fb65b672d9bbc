using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.Tasks;

namespace StatesLanguage.Tests.Support;

/// <summary>Runs one corpus case with its mocks on an instant clock and compares it with the AWS recording.</summary>
public static class ConformanceRunner
{
    public sealed record Outcome(string Name, bool StatusOutputErrorMatch, bool CauseMatches, string Detail);

    public static async Task<Outcome> RunAsync(ConformanceCase testCase)
    {
        ExecutionResult result;
        try
        {
            var machine = StateMachine.Parse(testCase.Definition.ToJsonString());
            var options = new ExecutionOptions
            {
                StateMachineName = "Machine",
                ExecutionName = "Case",
                TimeProvider = new InstantTimeProvider(),
                TaskInvoker = testCase.MockConfig is JsonNode mocks ? new MockConfigInvoker(mocks, "Machine", "Case") : null,
            };
            result = await machine.ExecuteAsync(testCase.Input?.DeepClone(), options, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Errors.AslException or InvalidOperationException)
        {
            return new Outcome(testCase.Name, false, false, $"{ex.GetType().Name}: {ex.Message}");
        }
        var expected = testCase.Expected;
        var status = expected["status"]!.GetValue<string>();
        if (result.StatusText != status)
            return new Outcome(testCase.Name, false, false, $"status {result.StatusText} (error {result.Error}, cause {result.Cause}), expected {status}");
        if (status == "SUCCEEDED")
        {
            var same = JsonComparer.AreEqual(result.Output, expected["output"]);
            return new Outcome(testCase.Name, same, same,
                same ? "" : $"output {result.Output?.ToJsonString() ?? "null"}, expected {expected["output"]?.ToJsonString()}");
        }
        var expectedError = expected["error"]?.GetValue<string>();
        var expectedCause = expected["cause"]?.GetValue<string>();
        var errorMatches = result.Error == expectedError;
        var causeMatches = expected["causeIsJson"]?.GetValue<bool>() == true && result.Cause is not null && expectedCause is not null
            ? JsonComparer.AreEqual(JsonNode.Parse(result.Cause), JsonNode.Parse(expectedCause))
            : result.Cause == expectedCause;
        return new Outcome(testCase.Name, errorMatches, errorMatches && causeMatches,
            $"error '{result.Error}' cause '{result.Cause}', expected error '{expectedError}' cause '{expectedCause}'");
    }
}
