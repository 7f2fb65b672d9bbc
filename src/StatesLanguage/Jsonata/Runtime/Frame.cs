namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A scope of variable bindings. The root frame falls back to the function library.</summary>
internal sealed class Frame
{
    private readonly Frame? _parent;
    private readonly IReadOnlyDictionary<string, JFunction>? _library;
    private Dictionary<string, object?>? _bindings;

    public Frame(Frame parent)
    {
        _parent = parent;
    }

    public Frame(IReadOnlyDictionary<string, JFunction> library)
    {
        _library = library;
    }

    public void Bind(string name, object? value) => (_bindings ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;

    public object? Lookup(string name)
    {
        for (var frame = this; frame is not null; frame = frame._parent)
        {
            if (frame._bindings is not null && frame._bindings.TryGetValue(name, out var value))
                return value;
            if (frame._library is not null)
                return frame._library.TryGetValue(name, out var function) ? function : null;
        }
        return null;
    }
}
