using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Parsing;

/// <summary>
/// A node of the syntax tree. One mutable class serves the parser and the post-parse stage, which flattens
/// <c>.</c> chains into <see cref="Steps"/> and moves predicates, groupings and variable bindings onto the steps;
/// after compilation the tree is never changed again, so compiled expressions can be shared between threads.
/// </summary>
internal sealed class Node(NodeType type, int position)
{
    public NodeType Type { get; set; } = type;

    public int Position { get; set; } = position;

    /// <summary>Operator text, name, variable name, or string value.</summary>
    public string? Text { get; set; }

    /// <summary>Literal value (boxed double, string, bool, JNull) or a compiled regex.</summary>
    public object? Literal { get; set; }

    public Node? Lhs { get; set; }

    public Node? Rhs { get; set; }

    /// <summary>Array constructor items, block expressions, function arguments.</summary>
    public List<Node>? Expressions { get; set; }

    public List<(Node Key, Node Value)>? Pairs { get; set; }

    public List<SortTerm>? Terms { get; set; }

    public Node? Procedure { get; set; }

    public List<string>? Parameters { get; set; }

    public Signature? Signature { get; set; }

    public Node? Body { get; set; }

    public Node? Condition { get; set; }

    public Node? Then { get; set; }

    public Node? Else { get; set; }

    public Node? Pattern { get; set; }

    public Node? Update { get; set; }

    public Node? Delete { get; set; }

    public List<Node>? Steps { get; set; }

    public List<Stage>? Predicates { get; set; }

    public List<Stage>? Stages { get; set; }

    public GroupBy? Group { get; set; }

    public bool KeepArray { get; set; }

    public bool KeepSingletonArray { get; set; }

    public bool ConsArray { get; set; }

    public bool Tuple { get; set; }

    public bool Thunk { get; set; }

    public string? Focus { get; set; }

    public string? Index { get; set; }

    public AncestorSlot? Ancestor { get; set; }

    public AncestorSlot? Slot { get; set; }

    public List<AncestorSlot>? SeekingParent { get; set; }

    /// <summary>The name of the function being called, for error messages.</summary>
    public string? ProcedureName => Procedure is null ? null
        : Procedure.Type == NodeType.Path && Procedure.Steps is { Count: > 0 } steps ? steps[0].Text : Procedure.Text;

    /// <summary>A deep copy of a raw (not yet processed) tree, so that one source node can be processed twice.</summary>
    public Node DeepClone()
    {
        StackGuard.Ensure();
        var copy = (Node)MemberwiseClone();
        copy.Lhs = Lhs?.DeepClone();
        copy.Rhs = Rhs?.DeepClone();
        copy.Expressions = Expressions?.ConvertAll(e => e.DeepClone());
        copy.Pairs = Pairs?.ConvertAll(p => (p.Key.DeepClone(), p.Value.DeepClone()));
        copy.Terms = Terms?.ConvertAll(t => t with { Expression = t.Expression.DeepClone() });
        copy.Procedure = Procedure?.DeepClone();
        copy.Body = Body?.DeepClone();
        copy.Condition = Condition?.DeepClone();
        copy.Then = Then?.DeepClone();
        copy.Else = Else?.DeepClone();
        copy.Pattern = Pattern?.DeepClone();
        copy.Update = Update?.DeepClone();
        copy.Delete = Delete?.DeepClone();
        return copy;
    }
}
