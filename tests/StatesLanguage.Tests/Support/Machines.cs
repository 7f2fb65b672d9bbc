using StatesLanguage.Evaluation;

namespace StatesLanguage.Tests.Support;

/// <summary>Runs a definition on an instant clock.</summary>
public static class Machines
{
    public static Task<ExecutionResult> RunAsync(string definition, string input = "{}", ITaskInvoker? invoker = null,
        TimeProvider? time = null) =>
        StateMachine.Parse(definition).ExecuteAsync(JsonNode.Parse(input),
            new ExecutionOptions { TaskInvoker = invoker, TimeProvider = time ?? new InstantTimeProvider(), ExecutionName = "test" },
            CancellationToken.None);

    /// <summary>A one-state machine: <paramref name="state"/> is the JSON of a state named S that must end.</summary>
    public static string OneState(string state) => """{"StartAt":"S","States":{"S":""" + state + "}}";
}
