using System.Globalization;

namespace Analytics.Functions.Aws;

/// <summary>
/// Key values of the sales table (see docs/architecture.md). Dates are YYYY-MM-DD so that string order is date
/// order, revisions are zero-padded to ten digits so that string order is revision order, and every variable segment
/// is followed by a '#' (or ends the key) so one store id is never a prefix match of another.
/// </summary>
internal static class SalesKeys
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string Gsi1Name = "gsi1";
    public const string Gsi1PartitionKey = "gsi1pk";
    public const string Gsi1SortKey = "gsi1sk";

    /// <summary>Sort-key prefix of commit markers; it sorts before every record head's "STORE#".</summary>
    public const string CommitPrefix = "COMMIT#";

    /// <summary>Partition of every record head and commit marker of one business date.</summary>
    public static string DayPartition(DateOnly date) => "DAY#" + Date(date);

    /// <summary>The business date of a <see cref="DayPartition"/> key.</summary>
    public static DateOnly DateOfDayPartition(string partitionKey) =>
        DateOnly.ParseExact(partitionKey.AsSpan("DAY#".Length), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Sort key of a record head: by store, then revision, then upload id, so string order is record order.</summary>
    public static string RecordSort(string storeId, long revision, string uploadId) =>
        StoreRecordsPrefix(storeId) + Revision(revision, uploadId);

    /// <summary>Prefix of every record head of one store in a day partition.</summary>
    public static string StoreRecordsPrefix(string storeId) => $"STORE#{storeId}#R#";

    /// <summary>Sort key of the commit marker of <paramref name="uploadId"/> in a day partition.</summary>
    public static string CommitSort(string uploadId) => CommitPrefix + uploadId;

    /// <summary>Partition of every SKU part of one business date.</summary>
    public static string SkusPartition(DateOnly date) => "SKUS#" + Date(date);

    /// <summary>Sort key of part <paramref name="index"/> (0-based, zero-padded so parts sort in order) of a record.</summary>
    public static string PartSort(string recordSort, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{recordSort}#P{index:D4}");

    /// <summary>The record sort key a part sort key belongs to.</summary>
    public static string RecordSortOfPart(string partSort) => partSort[..partSort.LastIndexOf("#P", StringComparison.Ordinal)];

    public static string StorePartition(string storeId) => "STORE#" + storeId;

    /// <summary>GSI sort key of a record head: by date, then revision, then upload id.</summary>
    public static string StoreDaySort(DateOnly date, long revision, string uploadId) => $"DAY#{Date(date)}#R#{Revision(revision, uploadId)}";

    /// <summary>Lowest GSI sort key of <paramref name="date"/>: BETWEEN this and <see cref="StoreDayUpperBound"/> covers whole days.</summary>
    public static string StoreDayLowerBound(DateOnly date) => $"DAY#{Date(date)}#";

    /// <summary>Above every record of <paramref name="date"/> ('~' sorts after "R#").</summary>
    public static string StoreDayUpperBound(DateOnly date) => $"DAY#{Date(date)}#~";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Revision(long revision, string uploadId) =>
        string.Create(CultureInfo.InvariantCulture, $"{revision:D10}#U#{uploadId}");
}
