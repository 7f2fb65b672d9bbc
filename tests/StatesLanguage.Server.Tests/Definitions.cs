namespace StatesLanguage.Server.Tests;

/// <summary>State machine definitions the tests use.</summary>
internal static class Definitions
{
    /// <summary>Pass → Task (the invoker doubles <c>n</c>) → Succeed: five events before the end.</summary>
    public const string PassTaskSucceed = """
        {
          "StartAt": "Prepare",
          "States": {
            "Prepare": { "Type": "Pass", "Parameters": { "n.$": "$.n" }, "Next": "Double" },
            "Double": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Double", "Next": "Done" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    public const string Pass = """{ "StartAt": "P", "States": { "P": { "Type": "Pass", "Result": { "ok": true }, "End": true } } }""";

    public const string Pass2 = """{ "StartAt": "P", "States": { "P": { "Type": "Pass", "Result": { "ok": 2 }, "End": true } } }""";

    /// <summary>Waits an hour (real time: tests run it without instant waits) before it ends.</summary>
    public const string LongWait = """{ "StartAt": "W", "States": { "W": { "Type": "Wait", "Seconds": 3600, "End": true } } }""";

    /// <summary>One Task state, Call, on a function ARN.</summary>
    public const string OneTask = """
        { "StartAt": "Call", "States": { "Call": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Call", "End": true } } }
        """;
}
