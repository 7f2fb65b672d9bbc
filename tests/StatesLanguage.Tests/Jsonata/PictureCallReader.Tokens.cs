using System.Text;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>The reader's tokens: string and number literals, names and punctuation.</summary>
internal sealed partial class PictureCallReader
{
    private string StringLiteral()
    {
        var quote = _text[_position++];
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            var ch = _text[_position++];
            if (ch != '\\')
            {
                builder.Append(ch);
                continue;
            }
            var escaped = _text[_position++];
            builder.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                'u' => (char)Convert.ToInt32(_text.Substring(_position, 4), 16),
                _ => escaped,
            });
            if (escaped == 'u')
                _position += 4;
        }
        if (_position >= _text.Length)
            throw new NotSupportedException();
        _position++;
        return builder.ToString();
    }

    private double NumberLiteral()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
            _position++;
        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-')
                _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                _position++;
        }
        return double.Parse(_text.AsSpan(start, _position - start), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Name()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            _position++;
        return _text[start.._position];
    }

    private bool Peek(char ch) => _position < _text.Length && _text[_position] == ch;

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0)
            return false;
        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
            throw new NotSupportedException();
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            _position++;
    }
}
