using System.Diagnostics;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// The noise benchmark of issue 14: the daily analysis (no model) on every trading date of the real data set in a
/// range, plus the issue's listed days, and how many findings and recommendations a manager would read each day
/// (<see cref="NoiseReport"/>). A measuring tool, not a test: it asserts nothing, it prints the goals' state.
/// </summary>
internal static class NoiseBenchmark
{
    public static async Task<int> RunAsync(string dataFolder, DateOnly from, DateOnly to, bool withReturns, bool everyDay = false)
    {
        var clock = Stopwatch.StartNew();
        var reader = new UploadReader(TimeProvider.System, Options.Create(new UploadOptions()));
        var storeDays = await OnlineRetailDays.LoadAsync(dataFolder, reader, CancellationToken.None);
        if (withReturns)
        {
            storeDays = await OnlineRetailReturns.BookAsync(storeDays, Path.Combine(dataFolder, "returns.ndjson"), reader, CancellationToken.None);
        }

        var sales = new LoadedSales(storeDays);
        var loaded = clock.Elapsed;

        var services = new ServiceCollection().AddAnalyticsDomain()
            .AddSingleton<ISalesStore>(sales)
            .AddScoped<DailyAnalysisRun>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var listed = ListedDay.All.Select(l => l.Date).Where(storeDays.ContainsKey);
        List<DateOnly> dates = [.. sales.Dates.Where(d => d >= from && d <= to).Union(listed).Order()];
        List<DayAnalysis> days = [];
        foreach (var date in dates)
        {
            await using var scope = provider.CreateAsyncScope();
            days.Add(await scope.ServiceProvider.GetRequiredService<DailyAnalysisRun>().AnalyseAsync(date, CancellationToken.None));
        }

        var analysed = clock.Elapsed - loaded;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Noise benchmark of the daily analysis (statistics, no model) on {Path.GetFileName(Path.TrimEndingDirectorySeparator(dataFolder))}, {(withReturns ? "sales and returns" : "sales only")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{days.Count} daily runs: trading dates {from:yyyy-MM-dd} .. {to:yyyy-MM-dd} and the listed days of issue 14"));
        Console.WriteLine();
        Console.WriteLine(NoiseReport.Render(days, everyDay));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Took {clock.Elapsed.TotalSeconds:F1} s: loading {loaded.TotalSeconds:F1} s ({storeDays.Sum(d => d.Value.Count)} store-days), analysis {analysed.TotalSeconds:F1} s, on {Environment.ProcessorCount} cores."));
        return 0;
    }
}
