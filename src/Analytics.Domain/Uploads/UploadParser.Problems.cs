using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>Problem reporting: JSON paths, locations, messages and the checks shared by every string field.</summary>
internal sealed partial class UploadParser
{
    private const int ShownLength = 40;

    private void Report(ref Utf8JsonReader reader, string code, string message, string? leaf) =>
        Report(code, message, TokenOffset(ref reader), leaf);

    /// <summary>The offset in the file of the current token's first byte.</summary>
    private long TokenOffset(ref Utf8JsonReader reader) => _tracker.BufferStart + _readerBase + reader.TokenStartIndex;

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
                                        _storeId, _businessDateText, CurrentTransactionId()));

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
            if (frame.Kind is FrameKind.FileArray or FrameKind.Transactions or FrameKind.Returns or FrameKind.Items)
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

    // Problems of the hot paths are reported out of line: building their messages would weigh on those paths' stack frames.
    private void ReportUnknownField(ref Utf8JsonReader reader, FrameKind kind)
    {
        var text = System.Text.Encoding.UTF8.GetString(Unescape(ref reader));
        Report(ref reader, UploadProblemCodes.UnknownField,
               $"Unknown field '{Shorten(text)}' in {Describe(kind)}: the format has no such field (is it misspelled?).", PathSegment(text));
    }

    private void ReportDuplicateField(ref Utf8JsonReader reader, UploadField field, FrameKind kind) =>
        Report(ref reader, UploadProblemCodes.DuplicateField,
               $"Field '{UploadFieldNames.Name(field)}' appears twice in one {Describe(kind)}; only the first is read.", UploadFieldNames.Name(field));

    private void ReportTooMany(ref Utf8JsonReader reader, string code) => Report(ref reader, code, code == UploadProblemCodes.TooManyCategories
        ? $"Store-day has more than {UploadLimits.MaxCategoriesPerStoreDay} distinct categories; the store keeps at most that many."
        : $"Store-day has more than {UploadLimits.MaxPaymentMethodsPerStoreDay} distinct payment methods; the store keeps at most that many.", null);

    /// <summary>Reports a wrong JSON type for the open field and skips the value; true when the type is right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Expect(ref Utf8JsonReader reader, JsonTokenType type, UploadField field) =>
        reader.TokenType == type || WrongType(ref reader, type, field);

    private bool WrongType(ref Utf8JsonReader reader, JsonTokenType type, UploadField field)
    {
        var expected = type switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.StartObject => "an object",
            _ => "an array",
        };
        Report(ref reader, UploadProblemCodes.WrongType,
               $"'{UploadFieldNames.Name(field)}' must be {expected}, found {TokenKind(ref reader)}.", null);
        SkipValue(ref reader);
        return false;
    }
}
