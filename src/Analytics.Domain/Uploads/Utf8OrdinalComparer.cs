namespace Analytics.Domain.Uploads;

/// <summary>
/// Compares valid UTF-8 byte strings in the order <see cref="string.CompareOrdinal(string, string)"/> gives their
/// UTF-16 text. Byte order is code point order, which differs from UTF-16 order only between a character above
/// U+FFFF (a surrogate pair, lead byte F0–F4) and one in U+E000–U+FFFF (lead byte EE or EF).
/// </summary>
internal static class Utf8OrdinalComparer
{
    public static int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var common = x.CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length - y.Length;
        }

        // Equal prefixes end on the same character boundary, so both bytes start a character or both continue one.
        int a = x[common], b = y[common];
        if (a >= 0xEE && b >= 0xEE && (a >= 0xF0) != (b >= 0xF0))
        {
            return a >= 0xF0 ? -1 : 1;
        }

        return a - b;
    }
}
