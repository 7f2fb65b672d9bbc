namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>States.MathAdd and States.MathRandom.</summary>
internal static class MathFunctions
{
    /// <summary>Each argument is first rounded to an integer with halves going up (Java's Math.round), as AWS does:
    /// <c>MathAdd(1.49, 1.5)</c> is 3 and <c>MathAdd(-1.5, 0)</c> is -1.</summary>
    public static JsonNode? MathAdd(IntrinsicInvocation call)
    {
        var a = RoundHalfUp(IntrinsicArguments.Number(call, 0));
        var b = RoundHalfUp(IntrinsicArguments.Number(call, 1));
        return JsonValue.Create(a + b);
    }

    /// <summary>A random integer from start (inclusive) to end (exclusive); an optional seed makes it repeatable.</summary>
    public static JsonNode? MathRandom(IntrinsicInvocation call)
    {
        var start = RoundHalfUp(IntrinsicArguments.Number(call, 0));
        var end = RoundHalfUp(IntrinsicArguments.Number(call, 1));
        if (end <= start)
            throw new IntrinsicFailureException("The end of States.MathRandom must be greater than its start.");
#pragma warning disable CA5394 // Not for security: States.MathRandom is a plain pseudo-random number.
        var random = call.Values.Length == 3 ? new Random((int)IntrinsicArguments.Integer(call, 2)) : Random.Shared;
        return JsonValue.Create(random.NextInt64(start, end));
#pragma warning restore CA5394
    }

    internal static long RoundHalfUp(double value) => (long)Math.Floor(value + 0.5);
}
