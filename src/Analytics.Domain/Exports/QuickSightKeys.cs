namespace Analytics.Domain.Exports;

/// <summary>
/// The export's key layout under <see cref="Prefix"/>:
/// <c>{dataset}/dt={yyyy-MM-dd}/part-{nnnnn}.ndjson</c> for the rows and <c>manifests/{dataset}.json</c> for the
/// QuickSight manifests. The manifests folder is a sibling of the datasets, so no manifest lies under a dataset prefix.
/// </summary>
public static class QuickSightKeys
{
    /// <summary>Where QuickSight reads from: <c>exports/quicksight/</c> in the bucket.</summary>
    public const string Prefix = "exports/quicksight/";

    public const string ManifestsPrefix = Prefix + "manifests/";

    /// <summary>Every date of a dataset: what its manifest points at.</summary>
    public static string DatasetPrefix(string dataset) => $"{Prefix}{dataset}/";

    /// <summary>One date of a dataset; ends with '/' so that no date's prefix is a prefix of another's.</summary>
    public static string Partition(string dataset, DateOnly date) => $"{DatasetPrefix(dataset)}dt={IsoDate.Format(date)}/";

    /// <summary>The <paramref name="index"/>th part (from 0) of a partition, five digits.</summary>
    public static string Part(string dataset, DateOnly date, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Partition(dataset, date)}part-{index:D5}.ndjson");

    /// <summary>The dataset's manifest; QuickSight requires its own manifests to end in <c>.json</c>.</summary>
    public static string Manifest(string dataset) => $"{ManifestsPrefix}{dataset}.json";
}
