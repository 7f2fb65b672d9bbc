using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

internal sealed class NativeFunction(string name, Signature? signature, int arity, NativeBody body) : JFunction
{
    public string Name { get; } = name;

    public override Signature? Signature { get; } = signature;

    public override int Arity { get; } = arity;

    public NativeBody Body { get; } = body;
}
