using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A function value: a lambda, a native (library) function, a partial application or a regex matcher.</summary>
internal abstract class JFunction
{
    /// <summary>How many arguments the higher-order functions pass it (value, index, array).</summary>
    public abstract int Arity { get; }

    public virtual Signature? Signature => null;
}

/// <summary>A native function's body: validated arguments in, a value (or null for undefined) out.</summary>
internal delegate object? NativeBody(CallContext context, object?[] arguments);

/// <summary>What a native function can reach while it runs: the evaluator (to call functions) and the context value.</summary>
internal readonly record struct CallContext(Evaluator Evaluator, object? Input, Frame Environment);

internal sealed class NativeFunction(string name, Signature? signature, int arity, NativeBody body) : JFunction
{
    public string Name { get; } = name;

    public override Signature? Signature { get; } = signature;

    public override int Arity { get; } = arity;

    public NativeBody Body { get; } = body;
}

internal sealed class Lambda(Node node, object? input, Frame environment, List<string> parameters, Signature? signature) : JFunction
{
    public Node Node { get; } = node;

    public Node Body => Node.Body!;

    public object? Input { get; } = input;

    public Frame Environment { get; } = environment;

    public List<string> Parameters { get; } = parameters;

    public override Signature? Signature { get; } = signature;

    public bool Thunk => Node.Thunk;

    public override int Arity => Parameters.Count;
}

/// <summary>A native function with some arguments fixed; the others (<see cref="Placeholder"/>) come at call time.</summary>
internal sealed class PartialNative(NativeFunction target, object?[] arguments) : JFunction
{
    public static readonly object Placeholder = new();

    public NativeFunction Target { get; } = target;

    public object?[] Arguments { get; } = arguments;

    public override int Arity => Array.FindAll(Arguments, a => ReferenceEquals(a, Placeholder)).Length;
}

/// <summary><c>f ~> g</c> for two functions: a function applying f then g.</summary>
internal sealed class ComposedFunction(JFunction first, JFunction second) : JFunction
{
    public JFunction First { get; } = first;

    public JFunction Second { get; } = second;

    public override int Arity => 1;
}
