using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A function value: a lambda, a native (library) function, a partial application or a regex matcher.</summary>
internal abstract class JFunction
{
    /// <summary>How many arguments the higher-order functions pass it (value, index, array).</summary>
    public abstract int Arity { get; }

    public virtual Signature? Signature => null;
}

