using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Analytics.Domain.Sales;
using Analytics.Testing;
using Microsoft.Extensions.DependencyInjection;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;

namespace Analytics.Benchmarks;

/// <summary>
/// The local daily run at scale: seeds an embedded data folder (the CLI's SQLite sales store) with a synthetic chain
/// of N stores × D days, kept between runs, then runs the whole daily-analysis workflow for the last date in a child
/// process and reports its wall time, peak working set and the time of each state.
/// <para>The seed goes through <see cref="SalesRecords.SaveAsync"/> (stage, then commit) with store-day records built
/// directly: the same rows an upload writes, without reading 1.2 million store-day files through the upload reader (hours of work).</para>
/// </summary>
internal static class DailyBenchmark
{
    /// <summary>The business date analysed; the seeded history ends on it.</summary>
    public static readonly DateOnly LastDate = new(2025, 1, 15);

    private const string SeededMarker = "seeded.txt";

    public static async Task<int> RunAsync(string workFolder, IReadOnlyList<int> storeCounts, int days, int seed, int skus)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Daily analysis benchmark on {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {LoadAverage()}"));
        Console.WriteLine("Seeding writes store-day records straight through ISalesStore (stage, then commit) (a synthetic chain, ~" +
                          $"{skus} SKU lines per store-day); uploading that many store-day files through the upload reader would take hours.");
        foreach (var stores in storeCounts)
        {
            var folder = Path.Combine(workFolder, string.Create(CultureInfo.InvariantCulture, $"daily-{stores}s-{days}d-seed{seed}-skus{skus}"));
            var data = Path.Combine(folder, "data");
            var seedReport = await EnsureSeededAsync(data, stores, days, seed, skus);
            Console.WriteLine($"{stores,6} stores × {days} days: {seedReport}");
            Console.WriteLine($"{stores,6} stores, daily run of {IsoDate.Format(LastDate)} (child process, load average {LoadAverage()}):");
            Console.WriteLine(ChildProcess.Run(["--daily-child", data]));
        }

        return 0;
    }

    /// <summary>The child: one daily-analysis run over <paramref name="dataDirectory"/>, then its figures.</summary>
    public static async Task<int> RunChildAsync(string dataDirectory)
    {
        await using var services = LocalEnvironment.CreateServices(dataDirectory, instantWaits: true);
        var workflows = services.GetRequiredService<LocalWorkflows>();
        Dictionary<string, DateTimeOffset> entered = [];
        List<(string State, TimeSpan Time)> states = [];
        var largest = 0;
        var clock = Stopwatch.StartNew();
        var result = await workflows.RunAsync(LocalWorkflows.DailyAnalysis, LocalWorkflows.Load(LocalWorkflows.DailyAnalysis),
            new JsonObject { ["date"] = IsoDate.Format(LastDate) }, null, e =>
            {
                largest = Math.Max(largest, Math.Max(Bytes(e.Input), Bytes(e.Output)));
                var type = e.Type.ToString();
                if (type.EndsWith("StateEntered", StringComparison.Ordinal))
                {
                    entered[e.StateName ?? ""] = e.Timestamp;
                }
                else if (type.EndsWith("StateExited", StringComparison.Ordinal) && e.Type != HistoryEventType.ChoiceStateExited
                         && entered.TryGetValue(e.StateName ?? "", out var start))
                {
                    states.Add((e.StateName ?? "", e.Timestamp - start));
                }
            }, CancellationToken.None);
        var elapsed = clock.Elapsed;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"  {result.StatusText}{(result.Status == ExecutionStatus.Succeeded ? "" : $" ({result.Error}: {result.Cause})")} in {elapsed.TotalSeconds:F1} s, ");
        text.Append(CultureInfo.InvariantCulture,
            $"peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, GC allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB in all, largest state data {largest:N0} bytes");
        foreach (var (state, time) in states)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"    {state,-26} {time.TotalSeconds,6:F1} s");
        }

        Console.WriteLine(text);
        return result.Status == ExecutionStatus.Succeeded ? 0 : 1;
    }

    private static async Task<string> EnsureSeededAsync(string dataDirectory, int stores, int days, int seed, int skus)
    {
        var marker = Path.Combine(dataDirectory, SeededMarker);
        if (File.Exists(marker))
        {
            return $"{await File.ReadAllTextAsync(marker)} (seeded earlier, reused)";
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        var chain = new SyntheticChain(stores, seed, skusPerStoreDay: skus);
        var first = LastDate.AddDays(1 - days);
        var clock = Stopwatch.StartNew();
        var rows = 0L;
        await using (var services = LocalEnvironment.CreateServices(dataDirectory))
        {
            var sales = services.GetRequiredService<ISalesStore>();
            // Generates the next date while the current one is written.
            var next = Task.Run(() => Records(chain, first));
            for (var date = first; date <= LastDate; date = date.AddDays(1))
            {
                var records = await next;
                var following = date.AddDays(1);
                next = following <= LastDate ? Task.Run(() => Records(chain, following)) : Task.FromResult<List<StoreDayRecord>>([]);
                await sales.SaveAsync(UploadId(date), records, CancellationToken.None);
                rows += records.Count;
                if ((date.DayNumber - first.DayNumber + 1) % 20 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    seeding: {date.DayNumber - first.DayNumber + 1} of {days} days, {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }
        }

        var bytes = new DirectoryInfo(dataDirectory).EnumerateFiles("analytics.db*").Sum(f => f.Length);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"seeded {rows:N0} store-days in {clock.Elapsed.TotalSeconds:F0} s, SQLite {bytes / 1e9:F2} GB");
        await File.WriteAllTextAsync(marker, report);
        return report;
    }

    /// <summary>One record per store-day of <paramref name="date"/>, revision 1, as if one upload of the date sent them all.</summary>
    private static List<StoreDayRecord> Records(SyntheticChain chain, DateOnly date) =>
    [
        .. chain.Day(date, withSkus: true).Select(s => new StoreDayRecord(
            s.StoreId, date, 1, UploadId(date), $"bench/synthetic/{IsoDate.Format(date)}/{s.StoreId}.json", s)),
    ];

    private static string UploadId(DateOnly date) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"bench/{IsoDate.Format(date)}")).AsSpan(0, 8));

    private static int Bytes(JsonNode? node) => node is null ? 0 : Encoding.UTF8.GetByteCount(node.ToJsonString());

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
