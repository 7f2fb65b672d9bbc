using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>
/// Reads the small part of JSONata the picture-function suite cases are written in, so they can run before the
/// evaluator exists: literals (numbers, strings, null, booleans, objects of these), unary minus, <c>*</c>, <c>=</c>,
/// calls of $formatNumber, $formatInteger, $parseInteger, $fromMillis and $toMillis, <c>~&gt;</c> into those calls,
/// blocks <c>( $x := …; … )</c> with their variables, <c>()</c>, and a bare field name the input does not have
/// (undefined). Anything else makes the case unreadable. A value is a double, string, bool, null (JSON null), a
/// JsonObject, or <see cref="Undefined"/>.
/// </summary>
internal sealed partial class PictureCallReader
{
    public static readonly object Undefined = new();

    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "formatNumber", "formatInteger", "parseInteger", "fromMillis", "toMillis",
    };

    private readonly string _text;
    private readonly JsonNode? _data;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private int _position;

    private PictureCallReader(string text, JsonNode? data)
    {
        _text = text;
        _data = data;
    }

    /// <summary>The expression as something to evaluate, or null when it is outside what this reader understands.</summary>
    public static Func<object?>? TryRead(string expression, JsonNode? data)
    {
        var reader = new PictureCallReader(expression, data);
        try
        {
            var evaluate = reader.Expression();
            reader.SkipSpace();
            return reader._position == expression.Length ? evaluate : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private Func<object?> Expression()
    {
        SkipSpace();
        if (Peek('$') && TryAssignment() is { } assignment)
            return assignment;
        var left = Chain();
        if (!Accept("="))
            return left;
        var right = Chain();
        return () => Equals(left(), right());
    }

    private Func<object?>? TryAssignment()
    {
        var start = _position;
        _position++;
        var name = Name();
        if (name.Length == 0 || !Accept(":="))
        {
            _position = start;
            return null;
        }
        _declared.Add(name);
        var value = Expression();
        return () => _variables[name] = value();
    }

    private Func<object?> Chain()
    {
        var left = Product();
        while (Accept("~>"))
        {
            SkipSpace();
            if (!Accept("$"))
                throw new NotSupportedException();
            var name = Name();
            var first = left;
            var rest = Arguments();
            left = Call(name, [first, .. rest]);
        }
        return left;
    }

    private Func<object?> Product()
    {
        var left = Unary();
        while (Accept("*"))
        {
            var factor = left;
            var right = Unary();
            left = () => AsNumber(factor()) * AsNumber(right());
        }
        return left;
    }

    private Func<object?> Unary()
    {
        if (!Accept("-"))
            return Primary();
        var operand = Unary();
        return () => -AsNumber(operand());
    }

    private Func<object?> Primary()
    {
        SkipSpace();
        if (_position >= _text.Length)
            throw new NotSupportedException();
        var ch = _text[_position];
        if (ch is '"' or '\'')
        {
            var text = StringLiteral();
            return () => text;
        }
        if (char.IsAsciiDigit(ch))
        {
            var number = NumberLiteral();
            return () => number;
        }
        if (ch == '{')
            return ObjectLiteral();
        if (ch == '(')
            return Block();
        if (Accept("$"))
        {
            var name = Name();
            SkipSpace();
            if (Peek('('))
                return Call(name, Arguments());
            if (!_declared.Contains(name))
                throw new NotSupportedException(); // $, $now, a binding: needs the evaluator
            return () => _variables[name];
        }
        var word = Name();
        switch (word)
        {
            case "true": return () => true;
            case "false": return () => false;
            case "null": return () => null;
            case "":
                throw new NotSupportedException();
        }
        if (_data is JsonObject input && input.ContainsKey(word))
            throw new NotSupportedException(); // a real path: needs the evaluator
        if (_data is JsonArray)
            throw new NotSupportedException();
        return () => Undefined;
    }

    private Func<object?> Block()
    {
        Expect("(");
        if (Accept(")"))
            return () => Undefined;
        var steps = new List<Func<object?>> { Expression() };
        while (Accept(";"))
            steps.Add(Expression());
        Expect(")");
        return () =>
        {
            object? last = Undefined;
            foreach (var step in steps)
                last = step();
            return last;
        };
    }

    private Func<object?> ObjectLiteral()
    {
        Expect("{");
        var members = new List<(string Key, Func<object?> Value)>();
        if (!Accept("}"))
        {
            do
            {
                SkipSpace();
                var key = StringLiteral();
                Expect(":");
                members.Add((key, Expression()));
            }
            while (Accept(","));
            Expect("}");
        }
        return () =>
        {
            var result = new JsonObject();
            foreach (var (key, value) in members)
                result[key] = ToJson(value());
            return result;
        };
    }

    private List<Func<object?>> Arguments()
    {
        Expect("(");
        var arguments = new List<Func<object?>>();
        if (Accept(")"))
            return arguments;
        do
            arguments.Add(Expression());
        while (Accept(","));
        Expect(")");
        return arguments;
    }

    private static Func<object?> Call(string name, List<Func<object?>> arguments)
    {
        if (!Functions.Contains(name) || arguments.Count == 0)
            throw new NotSupportedException();
        return () =>
        {
            var values = arguments.Select(argument => argument()).ToList();
            if (values[0] == Undefined)
                return Undefined;
            string? Text(int index) => index < values.Count && values[index] != Undefined ? (string?)values[index] : null;
            object? result = name switch
            {
                "formatNumber" => Pictures.FormatNumber(AsNumber(values[0]), Text(1)!, values.Count > 2 ? values[2] as JsonObject : null),
                "formatInteger" => Pictures.FormatInteger(AsNumber(values[0]), Text(1)!),
                "parseInteger" => Pictures.ParseInteger((string)values[0]!, Text(1)!),
                "fromMillis" => Pictures.FromMillis(AsNumber(values[0]), Text(1), Text(2)),
                _ => Pictures.ToMillis((string)values[0]!, Text(1)),
            };
            return result ?? Undefined;
        };
    }

    private static double AsNumber(object? value) => value is double number ? number : throw new NotSupportedException();

    /// <summary>A result as JSON; undefined is null here (callers check <see cref="Undefined"/> first).</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        double number => JsonValue.Create(number),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        JsonObject node => node.DeepClone(),
        _ => null,
    };
}
