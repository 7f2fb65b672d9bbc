namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A native function with some arguments fixed; the others (<see cref="Placeholder"/>) come at call time.</summary>
internal sealed class PartialNative(NativeFunction target, object?[] arguments) : JFunction
{
    public static readonly object Placeholder = new();

    public NativeFunction Target { get; } = target;

    public object?[] Arguments { get; } = arguments;

    public override int Arity => Array.FindAll(Arguments, a => ReferenceEquals(a, Placeholder)).Length;
}
