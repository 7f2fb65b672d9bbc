namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A native function with some arguments fixed; the others (<see cref="Placeholder"/>) come at call time.</summary>
internal sealed class PartialNative(NativeFunction target, object?[] arguments) : JFunction
{
    public static readonly object Placeholder = new();

    public NativeFunction Target { get; } = target;

    public object?[] Arguments { get; } = arguments;

    public override int Arity { get; } = CountPlaceholders(arguments);

    private static int CountPlaceholders(object?[] arguments)
    {
        var count = 0;
        foreach (var argument in arguments)
        {
            if (ReferenceEquals(argument, Placeholder))
                count++;
        }
        return count;
    }
}
