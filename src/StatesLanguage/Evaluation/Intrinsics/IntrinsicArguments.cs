using System.Text.Json;

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>Typed access to intrinsic arguments with AWS-like failure messages.</summary>
internal static class IntrinsicArguments
{
    public static string String(IntrinsicInvocation call, int index)
    {
        if (JsonData.TryGetString(call.Values[index], out var value))
            return value;
        throw Fail(call, index, "a string");
    }

    public static JsonArray Array(IntrinsicInvocation call, int index) =>
        call.Values[index] as JsonArray ?? throw Fail(call, index, "an array");

    public static double Number(IntrinsicInvocation call, int index)
    {
        if (JsonData.TryGetNumber(call.Values[index], out var value))
            return value;
        throw Fail(call, index, "a number");
    }

    public static long Integer(IntrinsicInvocation call, int index)
    {
        if (JsonData.TryGetInteger(call.Values[index], out var value))
            return value;
        throw Fail(call, index, "an integer");
    }

    public static bool Boolean(IntrinsicInvocation call, int index)
    {
        if (JsonData.TryGetBoolean(call.Values[index], out var value))
            return value;
        throw Fail(call, index, "a boolean");
    }

    public static IntrinsicFailureException Fail(IntrinsicInvocation call, int index, string expected) =>
        new($"The argument {index + 1} of {call.Name} must be {expected}, but was {Describe(call.Values[index])}.");

    private static string Describe(JsonNode? node) => JsonData.Kind(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
