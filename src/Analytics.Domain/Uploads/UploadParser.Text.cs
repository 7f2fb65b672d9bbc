using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Analytics.Domain.Uploads;

/// <summary>The rules every text field shares, and unescaping.</summary>
internal sealed partial class UploadParser
{
    /// <summary>Stands for a text whose escapes make no valid Unicode (a lone surrogate): a byte that is never UTF-8.</summary>
    private static readonly byte[] NotUnicode = [0xFF];

    /// <summary>What may come between two tokens: JSON whitespace and separators.</summary>
    private static readonly System.Buffers.SearchValues<byte> BetweenTokens = System.Buffers.SearchValues.Create(" \t\r\n,:"u8);

    /// <summary>
    /// The unescaped UTF-8 bytes of the current string or property name token; <see cref="NotUnicode"/> when it escapes
    /// a lone surrogate (<c>\ud800</c> without its pair), which has no UTF-8 form: the text checks report it as
    /// invalid UTF-8, and no field name matches it.
    /// </summary>
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

        try
        {
            var written = reader.CopyString(_scratch);
            return _scratch.AsSpan(0, written);
        }
        catch (InvalidOperationException)
        {
            return NotUnicode;
        }
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
        // Every UTF-16 code unit takes at most 3 UTF-8 bytes: longer byte strings are too long for sure.
        // The JSON reader rejects raw control characters, so only escaped strings can hold them.
        if (text.IsEmpty || text.Length > 3 * maxLength || !Utf8.IsValid(text)
            || (reader.ValueIsEscaped && text.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
            || (text.Length > maxLength && Encoding.UTF8.GetCharCount(text) > maxLength))
        {
            ReportText(ref reader, text, field, maxLength);
            return false;
        }

        return true;
    }

    /// <summary>Reports the first rule of <see cref="IsValidText"/> that <paramref name="text"/> breaks (out of line).</summary>
    private void ReportText(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> text, UploadField field, int maxLength)
    {
        var name = UploadFieldNames.Name(field);
        if (text.IsEmpty)
        {
            Report(ref reader, UploadProblemCodes.EmptyString, $"'{name}' must not be empty.", null);
        }
        else if (text.Length > 3 * maxLength)
        {
            Report(ref reader, UploadProblemCodes.StringTooLong, $"'{name}' must be at most {maxLength} characters, found {text.Length} bytes.", null);
        }
        else if (!Utf8.IsValid(text))
        {
            Report(ref reader, UploadProblemCodes.InvalidUtf8, reader.ValueIsEscaped
                ? $"'{name}' is not valid UTF-8, or escapes a lone surrogate (\\ud800–\\udfff without its pair): found {Found(ref reader)}."
                : $"'{name}' is not valid UTF-8.", null);
        }
        else if (reader.ValueIsEscaped && text.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
        {
            Report(ref reader, UploadProblemCodes.ControlCharacter,
                   $"'{name}' must not contain control characters (U+0000–U+001F), found {Found(ref reader)}.", null);
        }
        else
        {
            Report(ref reader, UploadProblemCodes.StringTooLong,
                   $"'{name}' must be at most {maxLength} characters, found {Encoding.UTF8.GetCharCount(text)}.", null);
        }
    }

    /// <summary>
    /// Records that the token starting the <paramref name="filled"/> unconsumed bytes of <paramref name="buffer"/> is
    /// longer than the reader's buffer may grow (<see cref="UploadLimits.MaxTokenBytes"/>), far beyond any limit of
    /// the format. The reader cannot step over a token it cannot hold, so nothing after it is read; the problem points
    /// at the token's first byte and names the field whose value it is.
    /// </summary>
    public void TokenTooLong(byte[] buffer, int filled, JsonReaderState state)
    {
        _completed.RemoveRange(Confirmed, _completed.Count - Confirmed);
        (_buffer, _filled) = (buffer, filled);
        var start = buffer.AsSpan(0, filled).IndexOfAnyExcept(BetweenTokens);
        var first = start < 0 ? (byte)' ' : buffer[start];
        // The reader's state knows the token before: after a field name, this token is that field's value.
        var afterName = new Utf8JsonReader([], isFinalBlock: false, state).TokenType == JsonTokenType.PropertyName;
        var field = afterName && _skipDepth == 0 ? _frames[_depth].Pending : UploadField.None;
        var what = field != UploadField.None ? $"'{UploadFieldNames.Name(field)}'"
            : afterName ? "A field's value" : first == (byte)'"' ? "A field name or string" : "A value";
        var (code, kind) = first switch
        {
            (byte)'"' => (UploadProblemCodes.StringTooLong, "a string"),
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') => (UploadProblemCodes.NumberOutOfRange, "a number"),
            _ => (UploadProblemCodes.MalformedJson, "a token"),
        };
        Report(code, $"{what} is {kind} of more than {UploadLimits.MaxTokenBytes} bytes, far beyond any limit of the " +
                     "format; the rest of the file is not read.",
               _tracker.BufferStart + Math.Max(start, 0), null);
    }
}
