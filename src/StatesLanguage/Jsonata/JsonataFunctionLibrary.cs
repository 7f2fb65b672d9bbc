using StatesLanguage.Jsonata.Functions;
using StatesLanguage.Jsonata.Parsing;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata;

/// <summary>
/// An immutable set of functions by name (without the <c>$</c>): <see cref="Standard"/> is JSONata's library
/// (without <c>$eval</c>); <see cref="With"/> adds or replaces a native function, <see cref="Without"/> removes one.
/// </summary>
public sealed class JsonataFunctionLibrary
{
    private JsonataFunctionLibrary(Dictionary<string, JFunction> functions)
    {
        Functions = functions;
    }

    public static JsonataFunctionLibrary Standard { get; } = new(LibraryBuilder.Standard());

    internal IReadOnlyDictionary<string, JFunction> Functions { get; }

    public IEnumerable<string> Names => Functions.Keys;

    public bool Contains(string name) => Functions.ContainsKey(name);

    /// <summary>This library plus <paramref name="function"/> as <c>$name</c>; <paramref name="signature"/> is a JSONata
    /// signature such as <c>&lt;a-n:a&lt;a&gt;&gt;</c> (S04xx when malformed).</summary>
    public JsonataFunctionLibrary With(string name, string signature, JsonataNativeFunction function)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(function);
        var parsed = Signature.Parse(signature);
        var copy = new Dictionary<string, JFunction>(Functions, StringComparer.Ordinal)
        {
            [name] = new NativeFunction(name, parsed, parsed.ParameterCount, (_, arguments) =>
            {
                var converted = new JsonataValue[arguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                    converted[i] = JsonConversion.ToValue(arguments[i]);
                return JsonConversion.FromValue(function(converted));
            }),
        };
        return new JsonataFunctionLibrary(copy);
    }

    /// <summary>This library without <c>$name</c> (calling it then fails with T1006).</summary>
    public JsonataFunctionLibrary Without(string name)
    {
        var copy = new Dictionary<string, JFunction>(Functions, StringComparer.Ordinal);
        copy.Remove(name);
        return new JsonataFunctionLibrary(copy);
    }
}
