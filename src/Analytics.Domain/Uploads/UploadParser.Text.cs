using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Analytics.Domain.Uploads;

/// <summary>The rules every text field shares, and unescaping.</summary>
internal sealed partial class UploadParser
{
    /// <summary>Stands for a text whose escapes make no valid Unicode (a lone surrogate): a byte that is never UTF-8.</summary>
    private static readonly byte[] NotUnicode = [0xFF];

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
}
