using System.Text;
using System.Text.RegularExpressions;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Parsing;

/// <summary>
/// A function signature such as <c>&lt;s-n?:s&gt;</c>: validates arguments (T0410, T0411, T0412), fills in the context
/// value for parameters marked <c>-</c> and wraps single values given for array parameters.
/// </summary>
internal sealed class Signature
{
    private readonly List<Parameter> _parameters;

    private Signature(string definition, List<Parameter> parameters)
    {
        Definition = definition;
        _parameters = parameters;
        foreach (var parameter in parameters)
            parameter.Complete();
    }

    public string Definition { get; }

    public int ParameterCount => _parameters.Count;

    private sealed class Parameter(char type, string pattern)
    {
        public char Type { get; } = type;

        public string Pattern { get; set; } = pattern;

        public bool UsesContext { get; set; }

        public string? Subtype { get; set; }

        /// <summary>The symbols the parameter accepts (the character class of <see cref="Pattern"/>).</summary>
        public string Symbols { get; private set; } = "";

        public int Min { get; private set; } = 1;

        public int Max { get; private set; } = 1;

        public bool Allows(char symbol) => Symbols.Contains(symbol, StringComparison.Ordinal);

        /// <summary>Reads the pattern once parsing is done: a class <c>[..]</c> or one symbol, then <c>?</c>/<c>+</c>.</summary>
        public void Complete()
        {
            var close = Pattern.StartsWith('[') ? Pattern.IndexOf(']', StringComparison.Ordinal) : 0;
            Symbols = Pattern.StartsWith('[') ? Pattern[1..close] : Pattern[..1];
            var quantifiers = Pattern[(close + 1)..];
            if (quantifiers.Contains('?', StringComparison.Ordinal))
                Min = 0;
            if (quantifiers.Contains('+', StringComparison.Ordinal))
                Max = int.MaxValue;
        }
    }

    /// <summary>Parses a signature; <paramref name="offset"/> is where it starts in the expression (for errors).</summary>
    public static Signature Parse(string signature, int offset = 0)
    {
        var parameters = new List<Parameter>();
        Parameter? previous = null;
        for (var position = 1; position < signature.Length; position++)
        {
            var symbol = signature[position];
            if (symbol == ':')
                break;
            switch (symbol)
            {
                case 's' or 'n' or 'b' or 'l' or 'o':
                    parameters.Add(previous = new Parameter(symbol, "[" + symbol + "m]"));
                    break;
                case 'a':
                    parameters.Add(previous = new Parameter(symbol, "[asnblfom]"));
                    break;
                case 'f':
                    parameters.Add(previous = new Parameter(symbol, "f"));
                    break;
                case 'j':
                    parameters.Add(previous = new Parameter(symbol, "[asnblom]"));
                    break;
                case 'x':
                    parameters.Add(previous = new Parameter(symbol, "[asnblfom]"));
                    break;
                case '-':
                    previous!.UsesContext = true;
                    previous.Pattern += "?";
                    break;
                case '?' or '+':
                    previous!.Pattern += symbol;
                    break;
                case '(':
                    var end = Closing(signature, position, '(', ')');
                    var choice = signature[(position + 1)..end];
                    if (choice.Contains('<', StringComparison.Ordinal))
                        throw JsonataErrors.Create("S0402", offset + position, null, choice);
                    parameters.Add(previous = new Parameter('(', "[" + choice + "m]"));
                    position = end;
                    break;
                case '<':
                    if (previous is null || previous.Type is not ('a' or 'f'))
                        throw JsonataErrors.Create("S0401", offset + position, null, previous?.Type.ToString());
                    var close = Closing(signature, position, '<', '>');
                    previous.Subtype = signature[(position + 1)..close];
                    position = close;
                    break;
            }
        }
        return new Signature(signature, parameters);
    }

    private static int Closing(string text, int start, char open, char close)
    {
        var depth = 1;
        var position = start;
        while (position < text.Length - 1)
        {
            position++;
            if (text[position] == close)
            {
                if (--depth == 0)
                    break;
            }
            else if (text[position] == open)
                depth++;
        }
        return position;
    }

    public static char Symbol(object? value) => value switch
    {
        null => 'm',
        JFunction => 'f',
        string => 's',
        double => 'n',
        bool => 'b',
        JNull => 'l',
        JList => 'a',
        _ => 'o',
    };

    /// <summary>The arguments as the function receives them; throws T0410/T0411/T0412 (token and position are added
    /// by the caller).</summary>
    public object?[] Validate(object?[] arguments, object? context)
    {
        Span<char> symbols = arguments.Length <= 16 ? stackalloc char[arguments.Length] : new char[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            symbols[i] = Symbol(arguments[i]);
        Span<int> lengths = _parameters.Count <= 16 ? stackalloc int[_parameters.Count] : new int[_parameters.Count];
        if (!Match(symbols, 0, 0, lengths))
            throw ValidationError(arguments, new string(symbols));
        var total = 0;
        foreach (var length in lengths)
            total += Math.Max(length, 1); // a parameter that matched nothing still takes one argument (or the context)
        var validated = new object?[total];
        var count = 0;
        var argIndex = 0;
        var symbolPosition = 0;
        for (var index = 0; index < _parameters.Count; index++)
        {
            var parameter = _parameters[index];
            var length = lengths[index];
            if (length == 0)
            {
                if (parameter.UsesContext)
                {
                    if (parameter.Allows(Symbol(context)))
                        validated[count++] = context;
                    else
                        throw JsonataErrors.Create("T0411", -1, null, context, Insert("index", argIndex + 1));
                }
                else
                {
                    validated[count++] = argIndex < arguments.Length ? arguments[argIndex] : null;
                    argIndex++;
                }
                continue;
            }
            // Symbols are consumed by match length, arguments by the reference's rule (a missing one still counts).
            var matched = symbols.Slice(symbolPosition, length);
            symbolPosition += length;
            foreach (var single in matched)
            {
                var argument = argIndex < arguments.Length ? arguments[argIndex] : null;
                if (parameter.Type == 'a')
                {
                    if (single == 'm')
                        argument = null;
                    else
                    {
                        if (parameter.Subtype is not null && !ArrayMatches(parameter.Subtype, single, matched, argument))
                        {
                            var inserts = new Dictionary<string, object?>(StringComparer.Ordinal)
                            {
                                ["index"] = (double)(argIndex + 1),
                                ["type"] = ArrayTypeName(parameter.Subtype[0]),
                            };
                            throw JsonataErrors.Create("T0412", -1, null, argument, inserts);
                        }
                        if (single != 'a')
                            argument = new JList { argument };
                    }
                }
                validated[count++] = argument;
                argIndex++;
            }
        }
        return validated;
    }

    private static bool ArrayMatches(string subtype, char single, ReadOnlySpan<char> matched, object? argument)
    {
        if (single != 'a')
            return matched.SequenceEqual(subtype);
        if (argument is not JList { Count: > 0 } list)
            return true;
        var itemType = Symbol(list[0]);
        if (itemType != subtype[0])
            return false;
        foreach (var item in list)
        {
            if (Symbol(item) != itemType)
                return false;
        }
        return true;
    }

    /// <summary>Assigns argument symbols to parameters as the signature's regex would: each parameter takes as many as
    /// it can (greedy), giving back when a later one cannot match.</summary>
    private bool Match(ReadOnlySpan<char> symbols, int parameterIndex, int position, Span<int> lengths)
    {
        if (parameterIndex == _parameters.Count)
            return position == symbols.Length;
        var parameter = _parameters[parameterIndex];
        var available = 0;
        while (position + available < symbols.Length && available < parameter.Max && parameter.Allows(symbols[position + available]))
            available++;
        for (var length = available; length >= parameter.Min; length--)
        {
            lengths[parameterIndex] = length;
            if (Match(symbols, parameterIndex + 1, position + length, lengths))
                return true;
        }
        return false;
    }

    private static Dictionary<string, object?> Insert(string key, int value) =>
        new(StringComparer.Ordinal) { [key] = (double)value };

    private static string ArrayTypeName(char c) => c switch
    {
        'a' => "arrays",
        'b' => "booleans",
        'f' => "functions",
        'n' => "numbers",
        'o' => "objects",
        's' => "strings",
        _ => c.ToString(),
    };

    private JsonataException ValidationError(object?[] arguments, string supplied)
    {
        var partial = new StringBuilder("^");
        var goodTo = 0;
        foreach (var parameter in _parameters)
        {
            partial.Append(parameter.Pattern);
            var match = Regex.Match(supplied, partial.ToString());
            if (!match.Success)
                break;
            goodTo = match.Length;
        }
        return JsonataErrors.Create("T0410", -1, null, goodTo < arguments.Length ? arguments[goodTo] : null, Insert("index", goodTo + 1));
    }
}
