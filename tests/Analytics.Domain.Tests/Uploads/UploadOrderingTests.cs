using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>The byte-level orderings behind contribution ids and SKU lists agree with ordinal string order.</summary>
public sealed class UploadOrderingTests
{
    private static readonly string[] Texts =
    [
        "", "a", "ab", "abc", "b", "é", "z", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "\U0001F600", "\U0001F600a",
        "SKU-000123", "SKU-000124", "SKU-00012", "SKU-0001234567", "SKU-0001234568", "SKU-\u00FF", "SKU-\u0100", "SKU-\uE000x", "SKU-\U0001F600",
    ];

    [Fact]
    public void Utf8OrdinalComparer_AnyPair_AgreesWithCompareOrdinal()
    {
        foreach (var x in Texts)
        {
            foreach (var y in Texts)
            {
                var expected = Math.Sign(string.CompareOrdinal(x, y));
                Assert.Equal(expected, Math.Sign(Utf8OrdinalComparer.Compare(Encoding.UTF8.GetBytes(x), Encoding.UTF8.GetBytes(y))));
            }
        }
    }

    [Fact]
    public void TransactionIdSet_IdsInAnyOrder_GiveTheHashOfTheOrdinallySortedIds()
    {
        string[] ids = ["T-2", "\U0001F600", "T-1", "\uE000", "T-10"];
        var expected = Expected(ids);
        foreach (var order in new[] { ids, ids.Order(StringComparer.Ordinal).ToArray(), ids.Reverse().ToArray() })
        {
            var set = new TransactionIdSet();
            foreach (var id in order)
            {
                Assert.True(set.Add(Encoding.UTF8.GetBytes(id)));
            }

            Assert.False(set.Add(Encoding.UTF8.GetBytes("T-1")));
            Assert.Equal(expected, set.ContributionId(new TransactionIdSet()));
        }
    }

    [Fact]
    public void SkuOrder_SharedPrefixesAndWideCharacters_SortsOrdinally()
    {
        var skus = Texts.Where(t => t.Length > 0).Concat(Enumerable.Range(0, 300).Select(i => $"SKU-{(i * 7919) % 1000:D6}")).Distinct().ToArray();
        var map = new Utf8KeyMap<SkuEntry>();
        foreach (var sku in skus)
        {
            var bytes = Encoding.UTF8.GetBytes(sku);
            Assert.Null(map.Find(bytes, out var hash));
            map.Add(bytes, hash, new SkuEntry(sku, "n", [], "c"));
        }

        Assert.Equal(skus.Order(StringComparer.Ordinal), SkuOrder.Sort(map).Select(e => e.Sku));
    }

    private static string Expected(IEnumerable<string> ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(id));
            bytes.Add(0);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()))[..32];
    }
}
