namespace StatesLanguage.Jsonata.Runtime;

/// <summary><c>f ~> g</c> for two functions: a function applying f then g.</summary>
internal sealed class ComposedFunction(JFunction first, JFunction second) : JFunction
{
    public JFunction First { get; } = first;

    public JFunction Second { get; } = second;

    public override int Arity => 1;
}
