using System.Text;

namespace StatesLanguage.Jsonata.Functions;

/// <summary>JavaScript's encodeURI(Component) and decodeURI(Component); malformed input gives D3140.</summary>
internal static class UrlCoding
{
    private const string ComponentSafe = "-_.!~*'()";
    private const string UriReserved = ";,/?:@&=+$#";

    public static string Encode(string text, bool component, string functionName)
    {
        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || ComponentSafe.Contains(c, StringComparison.Ordinal) || (!component && UriReserved.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
                continue;
            }
            int codePoint;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    throw Malformed(text, functionName);
                codePoint = char.ConvertToUtf32(c, text[++i]);
            }
            else if (char.IsLowSurrogate(c))
                throw Malformed(text, functionName);
            else
                codePoint = c;
            var length = new Rune(codePoint).EncodeToUtf8(bytes);
            for (var b = 0; b < length; b++)
                builder.Append('%').Append(bytes[b].ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    public static string Decode(string text, bool component, string functionName)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                builder.Append(text[i]);
                continue;
            }
            var first = HexByte(text, i) ?? throw Malformed(text, functionName);
            var length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
            if (length == 0)
                throw Malformed(text, functionName);
            var bytes = new byte[length];
            bytes[0] = first;
            for (var k = 1; k < length; k++)
            {
                var position = i + (3 * k);
                if (position >= text.Length || text[position] != '%')
                    throw Malformed(text, functionName);
                bytes[k] = HexByte(text, position) ?? throw Malformed(text, functionName);
                if ((bytes[k] & 0xC0) != 0x80)
                    throw Malformed(text, functionName);
            }
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (ArgumentException)
            {
                throw Malformed(text, functionName);
            }
            if (!component && length == 1 && (UriReserved.Contains(decoded[0], StringComparison.Ordinal)))
                builder.Append(text, i, 3);
            else
                builder.Append(decoded);
            i += (3 * length) - 1;
        }
        return builder.ToString();
    }

    private static byte? HexByte(string text, int percent) =>
        percent + 2 < text.Length && byte.TryParse(text.AsSpan(percent + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static JsonataException Malformed(string text, string functionName) =>
        JsonataErrors.Create("D3140", -1, null, text, new Dictionary<string, object?>(StringComparer.Ordinal) { ["functionName"] = functionName });
}
