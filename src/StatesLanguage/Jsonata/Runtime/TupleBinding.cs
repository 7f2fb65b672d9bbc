namespace StatesLanguage.Jsonata.Runtime;

/// <summary>One item of a tuple stream: the context value under <c>@</c> plus the focus, index and parent
/// variables bound so far along the path.</summary>
internal sealed class TupleBinding : Dictionary<string, object?>
{
    public const string ContextKey = "@";

    public TupleBinding()
        : base(StringComparer.Ordinal)
    {
    }

    public TupleBinding(TupleBinding other)
        : base(other, StringComparer.Ordinal)
    {
    }

    public object? Context
    {
        get => TryGetValue(ContextKey, out var value) ? value : null;
        set => this[ContextKey] = value;
    }
}
