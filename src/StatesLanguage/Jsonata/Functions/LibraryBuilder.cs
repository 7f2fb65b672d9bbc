using StatesLanguage.Jsonata.Parsing;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Functions;

/// <summary>Collects native functions by name (without the <c>$</c>).</summary>
internal sealed class LibraryBuilder
{
    public Dictionary<string, JFunction> Functions { get; } = new(StringComparer.Ordinal);

    public void Add(string name, string signature, int arity, NativeBody body) =>
        Functions[name] = new NativeFunction(name, Signature.Parse(signature), arity, body);

    public static Dictionary<string, JFunction> Standard()
    {
        var builder = new LibraryBuilder();
        StringFunctions.Register(builder);
        NumericFunctions.Register(builder);
        CollectionFunctions.Register(builder);
        HigherOrderFunctions.Register(builder);
        DateFunctions.Register(builder);
        return builder.Functions;
    }
}
