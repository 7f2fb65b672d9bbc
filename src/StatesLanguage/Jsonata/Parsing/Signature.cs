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
    private readonly Regex _regex;

    private Signature(string definition, List<Parameter> parameters)
    {
        Definition = definition;
        _parameters = parameters;
        var pattern = new StringBuilder("^");
        foreach (var parameter in parameters)
            pattern.Append('(').Append(parameter.Pattern).Append(')');
        pattern.Append('$');
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    public string Definition { get; }

    public int ParameterCount => _parameters.Count;

    private sealed class Parameter(char type, string pattern)
    {
        public char Type { get; } = type;

        public string Pattern { get; set; } = pattern;

        public bool UsesContext { get; set; }

        public string? ContextPattern { get; set; }

        public string? Subtype { get; set; }
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
                    previous.ContextPattern = "^" + previous.Pattern + "$";
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
        var supplied = new StringBuilder(arguments.Length);
        foreach (var argument in arguments)
            supplied.Append(Symbol(argument));
        var suppliedText = supplied.ToString();
        var match = _regex.Match(suppliedText);
        if (!match.Success)
            throw ValidationError(arguments, suppliedText);
        var validated = new List<object?>(_parameters.Count);
        var argIndex = 0;
        for (var index = 0; index < _parameters.Count; index++)
        {
            var parameter = _parameters[index];
            var matched = match.Groups[index + 1].Value;
            if (matched.Length == 0)
            {
                if (parameter.UsesContext)
                {
                    var contextType = Symbol(context).ToString();
                    if (Regex.IsMatch(contextType, parameter.ContextPattern!))
                        validated.Add(context);
                    else
                        throw JsonataErrors.Create("T0411", -1, null, context, Insert("index", argIndex + 1));
                }
                else
                {
                    validated.Add(argIndex < arguments.Length ? arguments[argIndex] : null);
                    argIndex++;
                }
                continue;
            }
            foreach (var single in matched)
            {
                var argument = argIndex < arguments.Length ? arguments[argIndex] : null;
                if (parameter.Type == 'a')
                {
                    if (single == 'm')
                        argument = null;
                    else
                    {
                        var ok = true;
                        if (parameter.Subtype is not null)
                        {
                            if (single != 'a' && matched != parameter.Subtype)
                                ok = false;
                            else if (single == 'a' && argument is JList list && list.Count > 0)
                            {
                                var itemType = Symbol(list[0]);
                                if (itemType != parameter.Subtype[0])
                                    ok = false;
                                else
                                {
                                    foreach (var item in list)
                                    {
                                        if (Symbol(item) != itemType)
                                        {
                                            ok = false;
                                            break;
                                        }
                                    }
                                }
                            }
                        }
                        if (!ok)
                        {
                            var inserts = new Dictionary<string, object?>(StringComparer.Ordinal)
                            {
                                ["index"] = (double)(argIndex + 1),
                                ["type"] = ArrayTypeName(parameter.Subtype![0]),
                            };
                            throw JsonataErrors.Create("T0412", -1, null, argument, inserts);
                        }
                        if (single != 'a')
                            argument = new JList { argument };
                    }
                }
                validated.Add(argument);
                argIndex++;
            }
        }
        return [.. validated];
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
