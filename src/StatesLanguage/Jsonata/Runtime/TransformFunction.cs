using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>The function a transform expression <c>| pattern | update [, delete] |</c> evaluates to.</summary>
internal sealed class TransformFunction(Node node, Frame environment) : JFunction
{
    private static readonly Signature TransformSignature = Signature.Parse("<(oa):o>");

    public Node Node { get; } = node;

    public Frame Environment { get; } = environment;

    public override int Arity => 1;

    public override Signature? Signature => TransformSignature;
}
