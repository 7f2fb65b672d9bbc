using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Analytics.Domain.Uploads;

/// <summary>The rules every text field shares, and unescaping.</summary>
internal sealed partial class UploadParser
{
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
