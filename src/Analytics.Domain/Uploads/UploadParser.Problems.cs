using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Analytics.Domain.Uploads;

/// <summary>Problem reporting: JSON paths, locations, messages and the checks shared by every string field.</summary>
internal sealed partial class UploadParser
{
    private const int ShownLength = 40;

    private void Report(ref Utf8JsonReader reader, string code, string message, string? leaf) =>
        Report(code, message, _tracker.BufferStart + reader.TokenStartIndex, leaf);

    private void Report(string code, string message, long offset, string? leaf)
    {
        if (!_problems.Accepting)
        {
            _problems.Count();
            return;
        }

        Report(code, message, _tracker.Locate(_buffer, offset), leaf);
    }

    private void Report(string code, string message, UploadLocation location, string? leaf) =>
        _problems.Add(new UploadProblem(code, message, BuildPath(leaf), location.Line, location.Column,
                                        _storeId, _businessDateText, _transactionId));

    /// <summary>
    /// The JSONPath of the current position: array frames add their current index, object frames the field whose
    /// value is open; <paramref name="leaf"/>, when given, replaces the innermost object's field.
    /// </summary>
    private string BuildPath(string? leaf)
    {
        var path = new StringBuilder("$");
        for (var i = 1; i <= _depth; i++)
        {
            ref readonly var frame = ref _frames[i];
            if (frame.Kind is FrameKind.FileArray or FrameKind.Transactions or FrameKind.Items)
            {
                if (frame.Count > 0)
                {
                    path.Append('[').Append((frame.Count - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (i == _depth && leaf is not null)
            {
                AppendSegment(path, leaf);
            }
            else if (frame.Pending != UploadField.None)
            {
                path.Append('.').Append(UploadFieldNames.Name(frame.Pending));
            }
        }

        if (_depth == 0 && leaf is not null)
        {
            AppendSegment(path, leaf);
        }

        return path.ToString();
    }

    private static void AppendSegment(StringBuilder path, string segment)
    {
        if (segment.StartsWith('['))
        {
            path.Append(segment);
        }
        else
        {
            path.Append('.').Append(segment);
        }
    }

    /// <summary>A path segment for a field name as written: dotted when it is a plain identifier, bracketed otherwise.</summary>
    private static string PathSegment(string name)
    {
        var plain = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return plain ? name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    private static string Shorten(string text) => text.Length <= ShownLength ? text : string.Concat(text.AsSpan(0, ShownLength), "…");

    /// <summary>The current token as written, shortened, for messages.</summary>
    private static string Found(ref Utf8JsonReader reader)
    {
        // The reader always reads one contiguous buffer, so the value is a span.
        var text = Shorten(Encoding.UTF8.GetString(reader.ValueSpan));
        return reader.TokenType == JsonTokenType.String ? "\"" + text + "\"" : text;
    }

    private static string TokenKind(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>Reports a wrong JSON type for the open field and skips the value; true when the type is right.</summary>
    private bool Expect(ref Utf8JsonReader reader, JsonTokenType type, UploadField field)
    {
        if (reader.TokenType == type)
        {
            return true;
        }

        var expected = type switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            _ => "an array",
        };
        Report(ref reader, UploadProblemCodes.WrongType,
               $"'{UploadFieldNames.Name(field)}' must be {expected}, found {TokenKind(ref reader)}.", null);
        SkipValue(ref reader);
        return false;
    }

    /// <summary>The unescaped UTF-8 bytes of the current string or property name token.</summary>
    private ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var length = reader.ValueSpan.Length;
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }

        var written = reader.CopyString(_scratch);
        return _scratch.AsSpan(0, written);
    }

    /// <summary>
    /// Checks the current string token against the rules every text field shares and, when it passes, decodes it
    /// into <see cref="_chars"/>. Returns the number of characters, or -1 after reporting a problem.
    /// </summary>
    private int ReadText(ref Utf8JsonReader reader, UploadField field, int maxLength)
    {
        var text = Unescape(ref reader);
        return IsValidText(ref reader, text, field, maxLength) ? Encoding.UTF8.GetChars(text, _chars) : -1;
    }

    /// <summary>
    /// Whether <paramref name="text"/> (the unescaped current string token) is not empty, valid UTF-8, free of
    /// U+0000–U+001F and at most <paramref name="maxLength"/> UTF-16 code units; reports the first rule broken.
    /// </summary>
    private bool IsValidText(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> text, UploadField field, int maxLength)
    {
        if (text.IsEmpty)
        {
            Report(ref reader, UploadProblemCodes.EmptyString, $"'{UploadFieldNames.Name(field)}' must not be empty.", null);
            return false;
        }

        // Every UTF-16 code unit takes at most 3 UTF-8 bytes: longer byte strings are too long for sure.
        if (text.Length > 3 * maxLength)
        {
            Report(ref reader, UploadProblemCodes.StringTooLong,
                   $"'{UploadFieldNames.Name(field)}' must be at most {maxLength} characters, found {text.Length} bytes.", null);
            return false;
        }

        if (!Utf8.IsValid(text))
        {
            Report(ref reader, UploadProblemCodes.InvalidUtf8, $"'{UploadFieldNames.Name(field)}' is not valid UTF-8.", null);
            return false;
        }

        // The JSON reader rejects raw control characters, so only escaped strings can hold them.
        if (reader.ValueIsEscaped && text.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
        {
            Report(ref reader, UploadProblemCodes.ControlCharacter,
                   $"'{UploadFieldNames.Name(field)}' must not contain control characters (U+0000–U+001F), found {Found(ref reader)}.", null);
            return false;
        }

        var chars = text.Length <= maxLength ? text.Length : Encoding.UTF8.GetCharCount(text);
        if (chars > maxLength)
        {
            Report(ref reader, UploadProblemCodes.StringTooLong,
                   $"'{UploadFieldNames.Name(field)}' must be at most {maxLength} characters, found {chars}.", null);
            return false;
        }

        return true;
    }
}
