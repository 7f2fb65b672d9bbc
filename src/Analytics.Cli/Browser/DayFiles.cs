using Analytics.Domain.Exports;
using Analytics.Functions.DailyAnalysis;

namespace Analytics.Cli.Browser;

/// <summary>
/// The files a day's analysis left in the local bucket (a folder whose paths are the object keys): its reports under
/// <see cref="AnalysisKeys.ReportsPrefix"/> and, for each QuickSight dataset, the day's partition and the manifest.
/// Keys come from <see cref="AnalysisKeys"/> and <see cref="QuickSightKeys"/>, so the layout is spelled once.
/// </summary>
internal static class DayFiles
{
    /// <summary>The day's HTML report's key, or null when the bucket has none.</summary>
    public static string? HtmlReport(string bucketDirectory, DateOnly date)
    {
        var key = AnalysisKeys.HtmlReport(date);
        return File.Exists(PathOf(bucketDirectory, key)) ? key : null;
    }

    /// <summary>Every file of the day that exists, as links to <see cref="BrowserLinks.File"/>, keys in ordinal order.</summary>
    public static IReadOnlyList<FileLink> Find(string bucketDirectory, DateOnly date)
    {
        var keys = new List<string> { AnalysisKeys.HtmlReport(date), AnalysisKeys.TextReport(date) };
        foreach (var dataset in QuickSightDatasets.All)
        {
            var partition = PathOf(bucketDirectory, QuickSightKeys.Partition(dataset, date));
            if (Directory.Exists(partition))
            {
                keys.AddRange(Directory.EnumerateFiles(partition, "*", SearchOption.AllDirectories)
                    .Select(path => Path.GetRelativePath(bucketDirectory, path).Replace(Path.DirectorySeparatorChar, '/')));
            }

            keys.Add(QuickSightKeys.Manifest(dataset));
        }

        return
        [
            .. keys.Select(key => new FileInfo(PathOf(bucketDirectory, key)))
                .Zip(keys)
                .Where(file => file.First.Exists)
                .Select(file => new FileLink(file.Second, BrowserLinks.File(file.Second), file.First.Length))
                .OrderBy(link => link.Name, StringComparer.Ordinal),
        ];
    }

    private static string PathOf(string bucketDirectory, string key) => Path.Combine(bucketDirectory, key.Replace('/', Path.DirectorySeparatorChar));
}
