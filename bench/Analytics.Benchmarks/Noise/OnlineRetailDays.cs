using System.IO.Compression;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// The real retailer's store-days (the shared <c>datasets/online-retail</c> folder): each <c>days/*.json.gz</c> file
/// read with the domain's <see cref="UploadReader"/>, SKU lines included, as an upload would store them.
/// </summary>
internal static class OnlineRetailDays
{
    /// <summary>The data set's folder beside this clone (<c>../shared/datasets/online-retail</c>), as the tests find it.</summary>
    public static string DefaultFolder => Path.Combine(Analytics.Testing.SharedFolder.Directory
        ?? throw new InvalidOperationException("No ../shared folder beside this clone: pass --data DIR (the online-retail data set)."),
        "datasets", "online-retail");

    /// <summary>Every date's store-days, ordered by store id.</summary>
    /// <exception cref="InvalidOperationException">The folder has no day files, or a file is not a valid upload
    /// (the message names the file and its problems).</exception>
    public static async Task<Dictionary<DateOnly, IReadOnlyList<StoreDaySummary>>> LoadAsync(string folder, UploadReader reader, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(Path.Combine(folder, "days")) ? Directory.GetFiles(Path.Combine(folder, "days"), "*.json.gz") : [];
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"{folder} has no days/*.json.gz: is it the online-retail data set?");
        }

        List<StoreDaySummary> all = [];
        foreach (var file in files)
        {
            await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            all.AddRange(await ReadAsync(reader, gzip, Path.GetFileName(file), cancellationToken));
        }

        return Group(all);
    }

    /// <summary>The store-days of one upload file.</summary>
    /// <exception cref="InvalidOperationException">The file is not a valid upload.</exception>
    public static async Task<List<StoreDaySummary>> ReadAsync(UploadReader reader, Stream content, string name, CancellationToken cancellationToken)
    {
        List<StoreDaySummary> stores = [];
        var result = await reader.ReadAsync(content, name, (c, _) =>
        {
            stores.Add(c.Summary);
            return ValueTask.CompletedTask;
        }, cancellationToken);
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"{name} is not a valid upload: {string.Join("; ", result.Problems)}");
        }

        return stores;
    }

    /// <summary>Store-days by date, each date's ordered by store id; one store given twice on a date is refused.</summary>
    public static Dictionary<DateOnly, IReadOnlyList<StoreDaySummary>> Group(IEnumerable<StoreDaySummary> storeDays) =>
        storeDays.GroupBy(s => s.BusinessDate).ToDictionary(g => g.Key, g =>
        {
            IReadOnlyList<StoreDaySummary> stores = [.. g.OrderBy(s => s.StoreId, StringComparer.Ordinal)];
            return stores.Select(s => s.StoreId).Distinct(StringComparer.Ordinal).Count() == stores.Count
                ? stores
                : throw new InvalidOperationException($"A store is given twice on {g.Key:yyyy-MM-dd}.");
        });
}
