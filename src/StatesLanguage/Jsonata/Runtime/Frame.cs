namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A scope of variable bindings. The root frame falls back to the function library.</summary>
/// <remarks>A frame binds a few names (a lambda's parameters, a block's variables, an evaluation's inputs), so they
/// are kept in a small array searched in order, which costs less to make and to search than a dictionary; a frame
/// that binds more than <see cref="SmallCount"/> names moves them to a dictionary.</remarks>
internal sealed class Frame
{
    private const int SmallCount = 8;

    private readonly Frame? _parent;
    private readonly IReadOnlyDictionary<string, JFunction>? _library;
    private (string Name, object? Value)[]? _few;
    private int _count;
    private Dictionary<string, object?>? _many;

    public Frame(Frame parent)
    {
        _parent = parent;
    }

    public Frame(IReadOnlyDictionary<string, JFunction> library)
    {
        _library = library;
    }

    public void Bind(string name, object? value)
    {
        if (_many is not null)
        {
            _many[name] = value;
            return;
        }
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_few![i].Name, name, StringComparison.Ordinal))
            {
                _few[i].Value = value;
                return;
            }
        }
        if (_count == SmallCount)
        {
            _many = new Dictionary<string, object?>(2 * SmallCount, StringComparer.Ordinal);
            foreach (var (bound, boundValue) in _few!)
                _many[bound] = boundValue;
            _many[name] = value;
            _few = null;
            return;
        }
        if (_few is null)
            _few = new (string, object?)[2];
        else if (_count == _few.Length)
            Array.Resize(ref _few, 2 * _count);
        _few[_count++] = (name, value);
    }

    public object? Lookup(string name)
    {
        for (var frame = this; frame is not null; frame = frame._parent)
        {
            if (frame.TryGet(name, out var value))
                return value;
            if (frame._library is not null)
                return frame._library.TryGetValue(name, out var function) ? function : null;
        }
        return null;
    }

    private bool TryGet(string name, out object? value)
    {
        if (_many is not null)
            return _many.TryGetValue(name, out value);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_few![i].Name, name, StringComparison.Ordinal))
            {
                value = _few[i].Value;
                return true;
            }
        }
        value = null;
        return false;
    }
}
