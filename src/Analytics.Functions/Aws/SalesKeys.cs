using System.Globalization;

namespace Analytics.Functions.Aws;

/// <summary>
/// Key values of the sales table (see docs/architecture.md). Dates are YYYY-MM-DD so that string order is date
/// order; every variable segment is followed by a '#' so one store id is never a prefix match of another.
/// </summary>
internal static class SalesKeys
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string Gsi1Name = "gsi1";
    public const string Gsi1PartitionKey = "gsi1pk";
    public const string Gsi1SortKey = "gsi1sk";

    /// <summary>Partition of every contribution head of one business date.</summary>
    public static string DayPartition(DateOnly date) => "DAY#" + Date(date);

    public static string HeadSort(string storeId, string contributionId) => $"STORE#{storeId}#C#{contributionId}";

    /// <summary>Partition of every SKU part of one business date.</summary>
    public static string SkusPartition(DateOnly date) => "SKUS#" + Date(date);

    /// <summary>Sort key of part <paramref name="index"/> (0-based, zero-padded so parts sort in order).</summary>
    public static string PartSort(string storeId, string contributionId, string version, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"STORE#{storeId}#C#{contributionId}#V#{version}#P{index:D4}");

    public static string StorePartition(string storeId) => "STORE#" + storeId;

    public static string StoreDaySort(DateOnly date, string contributionId) => $"DAY#{Date(date)}#C#{contributionId}";

    /// <summary>Lowest GSI sort key of <paramref name="date"/>: BETWEEN this and <see cref="StoreDayUpperBound"/> covers whole days.</summary>
    public static string StoreDayLowerBound(DateOnly date) => $"DAY#{Date(date)}#";

    /// <summary>Above every contribution of <paramref name="date"/> ('~' sorts after the hex contribution ids).</summary>
    public static string StoreDayUpperBound(DateOnly date) => $"DAY#{Date(date)}#~";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
