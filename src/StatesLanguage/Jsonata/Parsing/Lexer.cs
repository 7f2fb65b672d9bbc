using System.Text;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Parsing;

/// <summary>Splits an expression into tokens. A <c>/</c> starts a regex unless it follows an operand.</summary>
internal sealed class Lexer(string source)
{
    private readonly string _source = source;

    public int Position { get; set; }

    public static bool IsOperatorChar(char c) => c is '.' or '[' or ']' or '{' or '}' or '(' or ')' or ',' or '@' or '#'
        or ';' or ':' or '?' or '+' or '-' or '*' or '/' or '%' or '|' or '=' or '<' or '>' or '^' or '&' or '!' or '~';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v';

    private char At(int index) => index < _source.Length ? _source[index] : '\0';

    /// <summary>The next token, or one of kind <see cref="TokenKind.End"/>.</summary>
    public Token Next(bool afterOperand)
    {
        var length = _source.Length;
        while (true)
        {
            while (Position < length && IsSpace(_source[Position]))
                Position++;
            if (Position >= length)
                return new Token(TokenKind.End, "(end)", null, length);
            if (_source[Position] == '/' && At(Position + 1) == '*')
            {
                var commentStart = Position;
                var close = _source.IndexOf("*/", Position + 2, StringComparison.Ordinal);
                if (close < 0)
                    throw JsonataErrors.Create("S0106", commentStart);
                Position = close + 2;
                continue;
            }
            break;
        }

        var c = _source[Position];
        if (!afterOperand && c == '/')
        {
            Position++;
            return ScanRegex();
        }
        var next = At(Position + 1);
        string? two = (c, next) switch
        {
            ('.', '.') => "..",
            (':', '=') => ":=",
            ('!', '=') => "!=",
            ('>', '=') => ">=",
            ('<', '=') => "<=",
            ('*', '*') => "**",
            ('~', '>') => "~>",
            ('?', ':') => "?:",
            ('?', '?') => "??",
            _ => null,
        };
        if (two is not null)
        {
            Position += 2;
            return new Token(TokenKind.Operator, two, null, Position);
        }
        if (IsOperatorChar(c))
        {
            Position++;
            return new Token(TokenKind.Operator, c.ToString(), null, Position);
        }
        if (c is '"' or '\'')
            return ScanString(c);
        if (c == '-' || char.IsAsciiDigit(c))
        {
            var number = ScanNumber();
            if (number is not null)
                return number.Value;
        }
        if (c == '`')
        {
            Position++;
            var end = _source.IndexOf('`', Position);
            if (end < 0)
            {
                Position = length;
                throw JsonataErrors.Create("S0105", Position);
            }
            var quoted = _source[Position..end];
            Position = end + 1;
            return new Token(TokenKind.Name, quoted, null, Position);
        }
        var i = Position;
        while (i < length && !IsSpace(_source[i]) && !IsOperatorChar(_source[i]))
            i++;
        if (c == '$')
        {
            var variable = _source[(Position + 1)..i];
            Position = i;
            return new Token(TokenKind.Variable, variable, null, Position);
        }
        var name = _source[Position..i];
        Position = i;
        return name switch
        {
            "or" or "in" or "and" => new Token(TokenKind.Operator, name, null, Position),
            "true" => new Token(TokenKind.Value, name, JsonataValues.True, Position),
            "false" => new Token(TokenKind.Value, name, JsonataValues.False, Position),
            "null" => new Token(TokenKind.Value, name, JNull.Instance, Position),
            _ => new Token(TokenKind.Name, name, null, Position),
        };
    }

    private Token? ScanNumber()
    {
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?
        var i = Position;
        if (At(i) == '-')
            i++;
        if (At(i) == '0')
            i++;
        else if (At(i) is >= '1' and <= '9')
        {
            while (char.IsAsciiDigit(At(i)))
                i++;
        }
        else
            return null;
        if (At(i) == '.' && char.IsAsciiDigit(At(i + 1)))
        {
            i += 2;
            while (char.IsAsciiDigit(At(i)))
                i++;
        }
        if (At(i) is 'e' or 'E')
        {
            var j = i + 1;
            if (At(j) is '+' or '-')
                j++;
            if (char.IsAsciiDigit(At(j)))
            {
                while (char.IsAsciiDigit(At(j)))
                    j++;
                i = j;
            }
        }
        var text = _source[Position..i];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
            throw JsonataErrors.Create("S0102", Position, text);
        Position = i;
        return new Token(TokenKind.Number, text, value, Position);
    }

    private Token ScanString(char quote)
    {
        Position++;
        var builder = new StringBuilder();
        while (Position < _source.Length)
        {
            var c = _source[Position];
            if (c == '\\')
            {
                Position++;
                c = At(Position);
                switch (c)
                {
                    case '"' or '\\' or '/':
                        builder.Append(c);
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u':
                        // Up to four hex digits: fewer only where the expression ends first.
                        var hex = _source.Substring(Position + 1, Math.Min(4, _source.Length - Position - 1));
                        if (hex.Length > 0 && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            builder.Append((char)code);
                            Position += 4;
                        }
                        else
                            throw JsonataErrors.Create("S0104", Position);
                        break;
                    default:
                        throw JsonataErrors.Create("S0103", Position, c.ToString());
                }
            }
            else if (c == quote)
            {
                Position++;
                var text = builder.ToString();
                return new Token(TokenKind.String, text, text, Position);
            }
            else
                builder.Append(c);
            Position++;
        }
        throw JsonataErrors.Create("S0101", Position);
    }

    private Token ScanRegex()
    {
        var start = Position;
        var depth = 0;
        while (Position < _source.Length)
        {
            var c = _source[Position];
            if (c == '/' && depth == 0 && EvenBackslashesBefore(Position))
            {
                var pattern = _source[start..Position];
                if (pattern.Length == 0)
                    throw JsonataErrors.Create("S0301", Position);
                Position++;
                var flagStart = Position;
                while (At(Position) is 'i' or 'm')
                    Position++;
                var flags = _source[flagStart..Position];
                return new Token(TokenKind.Regex, pattern, JsRegex.Create(pattern, flags, Position), Position);
            }
            var escaped = Position > 0 && _source[Position - 1] == '\\';
            if (c is '(' or '[' or '{' && !escaped)
                depth++;
            if (c is ')' or ']' or '}' && !escaped)
                depth--;
            Position++;
        }
        throw JsonataErrors.Create("S0302", Position);
    }

    private bool EvenBackslashesBefore(int index)
    {
        var count = 0;
        while (index - count - 1 >= 0 && _source[index - count - 1] == '\\')
            count++;
        return count % 2 == 0;
    }
}
