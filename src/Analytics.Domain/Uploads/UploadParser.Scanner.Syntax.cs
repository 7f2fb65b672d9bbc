using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The scanner's reading of JSON syntax straight from the bytes: plain strings, field names, numbers without sign or
/// exponent, separators and whitespace. Each accepts a strict subset of what <see cref="System.Text.Json.Utf8JsonReader"/>
/// accepts, so what the scanner takes is well-formed.
/// </summary>
internal sealed partial class UploadParser
{
    // The scanning helpers take the position to read at and return the position after what they read, or one of these
    // two; given either of them, they return it, so a sequence of reads can be checked once at its end.
    private const int Mismatch = -1;
    private const int OutOfData = -2;

    /// <summary>What a read that failed a check returns: <see cref="OutOfData"/> when the data ran out, else <see cref="Mismatch"/>.</summary>
    private static int Failed(int at) => at == OutOfData ? OutOfData : Mismatch;

    /// <summary>
    /// Reads a plain string: the returned position is after its closing quote, and its bytes start at
    /// <paramref name="start"/>; <paramref name="ascii"/> tells whether they are all ASCII. A mismatch for an escape
    /// or a raw control character.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Text(ReadOnlySpan<byte> data, int at, out int start, out bool ascii)
    {
        (start, ascii) = (0, false);
        at = Symbol(data, at, (byte)'"');
        if (at < 0)
        {
            return at;
        }

        start = at;
        var high = 0;
        for (var i = at; (uint)i < (uint)data.Length; i++)
        {
            var b = data[i];
            if (b == (byte)'"')
            {
                ascii = high < 0x80;
                return i + 1;
            }

            if (b < 0x20 || b == (byte)'\\')
            {
                return Mismatch;
            }

            high |= b;
        }

        return OutOfData;
    }

    /// <summary>
    /// Whether a string whose bytes are <paramref name="expected"/> (holding no <c>"</c> or <c>\</c>) stands at
    /// <paramref name="at"/>, after any whitespace; <paramref name="after"/> is then the position after its closing quote.
    /// False also when the data ends first (<see cref="Text"/> tells that apart).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTextAt(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> expected, out int after)
    {
        at = SkipWhitespace(data, at);
        after = at + expected.Length + 2;
        return at >= 0 && after <= data.Length && data[at] == (byte)'"' && data[after - 1] == (byte)'"'
               && data.Slice(at + 1, expected.Length).SequenceEqual(expected);
    }

    /// <summary>Reads the comma before a field, then the field (see <see cref="Key"/>) and its plain string value (see <see cref="Text"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextText(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> quotedName, out int start, out bool ascii) =>
        Text(data, Key(data, Symbol(data, at, (byte)','), quotedName), out start, out ascii);

    /// <summary>Reads the comma before a field, then the field (see <see cref="Key"/>) and its number (see <see cref="Number"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextNumber(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> quotedName, out int start) =>
        Number(data, Key(data, Symbol(data, at, (byte)','), quotedName), out start);

    /// <summary>Reads <paramref name="quotedName"/> (a property name with its quotes) and the colon after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Key(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> quotedName)
    {
        at = SkipWhitespace(data, at);
        if (at < 0 || data.Length - at < quotedName.Length)
        {
            return at < 0 ? at : OutOfData;
        }

        return data.Slice(at, quotedName.Length).SequenceEqual(quotedName) ? Symbol(data, at + quotedName.Length, (byte)':') : Mismatch;
    }

    /// <summary>
    /// Reads a number written as JSON allows, without a sign or an exponent: <c>0</c> or digits not starting with 0,
    /// then optionally a point and digits; <paramref name="start"/> is where it starts. The caller parses the digits.
    /// </summary>
    private static int Number(ReadOnlySpan<byte> data, int at, out int start)
    {
        start = at = SkipWhitespace(data, at);
        if (at < 0)
        {
            return at;
        }

        at = SkipDigits(data, at);
        if (at == start || (at - start > 1 && data[start] == (byte)'0'))
        {
            return at == data.Length ? OutOfData : Mismatch;
        }

        if (at < data.Length && data[at] == (byte)'.')
        {
            var fraction = at + 1;
            at = SkipDigits(data, fraction);
            if (at == fraction && at < data.Length)
            {
                return Mismatch;
            }
        }

        // What follows must be a delimiter, which the caller reads: an exponent, say, does not match it.
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipDigits(ReadOnlySpan<byte> data, int at)
    {
        while ((uint)at < (uint)data.Length && (uint)(data[at] - '0') <= 9)
        {
            at++;
        }

        return at;
    }

    /// <summary>Reads <paramref name="symbol"/>, after any whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Symbol(ReadOnlySpan<byte> data, int at, byte symbol)
    {
        at = SkipWhitespace(data, at);
        return at < 0 ? at : at == data.Length ? OutOfData : data[at] == symbol ? at + 1 : Mismatch;
    }

    /// <summary>Skips JSON whitespace (space, tab, line feed, carriage return); a failure passes through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> data, int at)
    {
        while ((uint)at < (uint)data.Length && data[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// <see cref="IsValidText"/> for a string without escapes (which cannot hold control characters), without
    /// reporting: true exactly when that check passes. ASCII text is valid UTF-8 of one UTF-16 unit a byte.
    /// </summary>
    private static bool IsPlainValidText(ReadOnlySpan<byte> text, bool ascii, int maxLength) =>
        ascii ? !text.IsEmpty && text.Length <= maxLength
            : text.Length <= 3 * maxLength && Utf8.IsValid(text) && (text.Length <= maxLength || Encoding.UTF8.GetCharCount(text) <= maxLength);
}
