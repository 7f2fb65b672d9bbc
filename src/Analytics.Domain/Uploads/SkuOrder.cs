namespace Analytics.Domain.Uploads;

/// <summary>
/// Sorts a store-day's SKU entries ordinally by id (as <see cref="string.CompareOrdinal(string, string)"/>), mostly
/// without comparing strings. Each entry gets a 64-bit key: the characters after the prefix every id shares (6 of 8
/// bits when all of them are Latin-1, else 3 of 16 bits; 0 past the end), then its 16-bit index. Sorting the keys
/// as plain integers orders ids that differ there; runs of equal characters are then sorted by full comparison.
/// </summary>
internal static class SkuOrder
{
    private const int MaxIndexed = 1 << 16;

    public static SkuEntry[] Sort(Utf8KeyMap<SkuEntry> entries)
    {
        var count = entries.Count;
        var sorted = new SkuEntry[count];
        for (var i = 0; i < count; i++)
        {
            sorted[i] = entries[i];
        }

        if (count > MaxIndexed)
        {
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Sku, b.Sku));
            return sorted;
        }

        var shared = count == 0 ? 0 : sorted[0].Sku.Length;
        var latin1 = true;
        for (var i = 0; i < count; i++)
        {
            shared = sorted[0].Sku.AsSpan(0, shared).CommonPrefixLength(sorted[i].Sku);
        }

        for (var i = 0; i < count && latin1; i++)
        {
            var rest = sorted[i].Sku.AsSpan(shared);
            latin1 = rest[..Math.Min(rest.Length, 6)].IndexOfAnyExceptInRange('\0', '\u00FF') < 0;
        }

        var (bits, chars) = latin1 ? (8, 6) : (16, 3);
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var rest = sorted[i].Sku.AsSpan(shared);
            ulong key = 0;
            for (var c = 0; c < chars; c++)
            {
                key = (key << bits) | (c < rest.Length ? rest[c] : 0u);
            }

            keys[i] = (key << 16) | (uint)i;
        }

        Array.Sort(keys);
        var original = (SkuEntry[])sorted.Clone();
        for (var i = 0; i < count; i++)
        {
            sorted[i] = original[(int)(keys[i] & 0xFFFF)];
        }

        SortRuns(keys, sorted);
        return sorted;
    }

    /// <summary>Sorts by full id each run of entries whose keys tie on the packed characters.</summary>
    private static void SortRuns(ulong[] keys, SkuEntry[] sorted)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && keys[i] >> 16 == keys[start] >> 16)
            {
                continue;
            }

            if (i - start > 1)
            {
                Array.Sort(sorted, start, i - start, OrdinalSkuComparer.Instance);
            }

            start = i;
        }
    }

    private sealed class OrdinalSkuComparer : IComparer<SkuEntry>
    {
        public static readonly OrdinalSkuComparer Instance = new();

        public int Compare(SkuEntry? x, SkuEntry? y) => string.CompareOrdinal(x!.Sku, y!.Sku);
    }
}
