namespace StatesLanguage.Jsonata.Runtime;

/// <summary>
/// An array inside the evaluator: a JSON array, or a sequence (the result of a path, flattened and collapsed to a
/// single value or undefined at the end of an expression). Items are never undefined (C# null).
/// </summary>
internal sealed class JList : List<object?>
{
    public JList()
    {
    }

    public JList(int capacity)
        : base(capacity)
    {
    }

    public JList(IEnumerable<object?> items)
        : base(items)
    {
    }

    /// <summary>A sequence: collapses to its single item, or to undefined when empty.</summary>
    public bool IsSequence { get; set; }

    /// <summary>A sequence that must stay an array even with one item (a path step ended with <c>[]</c>).</summary>
    public bool KeepSingleton { get; set; }

    /// <summary>The input document's top array, wrapped so that <c>$</c> still refers to it as a whole.</summary>
    public bool OuterWrapper { get; set; }

    /// <summary>A stream of <see cref="TupleBinding"/> items (paths using <c>@</c>, <c>#</c> or <c>%</c>).</summary>
    public bool TupleStream { get; set; }

    /// <summary>Made by an array constructor: a path step does not flatten it.</summary>
    public bool Cons { get; set; }

    /// <summary>How deep a plain array nests (0 when empty or holding only scalars) when it is known to be in its
    /// JSON form all the way down (converted from JSON, or checked by <see cref="JsonConversion.ToJsonForm(object?)"/>),
    /// which is then not walked again; -1 otherwise.</summary>
    public int JsonHeight { get; set; } = -1;

    /// <summary>The bound of <see cref="JsonConversion.JsonSizeBound"/>, kept once computed for an array in its JSON
    /// form (which never changes); -1 before.</summary>
    public long SizeBound { get; set; } = -1;

    public static JList Sequence() => new() { IsSequence = true };

    public static JList Sequence(object? item)
    {
        var list = new JList { IsSequence = true };
        list.Add(item);
        return list;
    }
}
