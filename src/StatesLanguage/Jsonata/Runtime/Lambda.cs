using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

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
