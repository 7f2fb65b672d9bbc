using System.Globalization;
using Analytics.Benchmarks;
using Analytics.Benchmarks.Noise;

// Upload processing benchmark. A plain harness rather than BenchmarkDotNet: the inputs are 100 MB and 1 GB files,
// measured a few times each, and peak memory needs a fresh process per measurement.
//   Analytics.Benchmarks [--work DIR] [--size-mb 100] [--big-mb 1000] [--runs 10]
//   Analytics.Benchmarks --peak FILE reader|step      (child: one run, prints its peak memory)
// Daily analysis at scale (see DailyBenchmark):
//   Analytics.Benchmarks daily [--stores 1000,10000] [--days 120] [--seed 42] [--skus 30] [--work DIR]
//   Analytics.Benchmarks --daily-child DATA_DIR        (child: one daily run, prints its time and peak memory)
// Noise of the daily analysis on the real data set (see NoiseBenchmark):
//   Analytics.Benchmarks noise [--data DIR] [--from 2011-02-01] [--to 2011-12-09] [--returns] [--every-day]
// Load on analytics serve's Step Functions API (see ServeLoadBenchmark):
//   Analytics.Benchmarks serve-load [--calls 1000] [--clients 50] [--peer http://127.0.0.1:5000 (another Step Functions endpoint)]
if (args.Length > 0 && args[0] == "serve-load")
{
    int Value(string name, int fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length
        ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    var peer = Array.IndexOf(args, "--peer") is var p and >= 0 && p + 1 < args.Length ? new Uri(args[p + 1]) : null;
    return await ServeLoadBenchmark.RunAsync(Value("--calls", 1000), Value("--clients", 50), peer);
}

if (args.Length > 0 && args[0] == "daily")
{
    var daily = DailyArguments.Parse(args);
    return await DailyBenchmark.RunAsync(daily.WorkFolder, daily.Stores, daily.Days, daily.Seed, daily.Skus);
}

if (args.Length > 0 && args[0] == "noise")
{
    var noise = NoiseArguments.Parse(args);
    return await NoiseBenchmark.RunAsync(noise.DataFolder ?? OnlineRetailDays.DefaultFolder, noise.From, noise.To, noise.Returns, noise.EveryDay);
}

if (args.Length > 1 && args[0] == "--daily-child")
{
    return await DailyBenchmark.RunChildAsync(args[1]);
}

var options = Arguments.Parse(args);
if (options.PeakFile is { } peakFile)
{
    await Measurements.PrintPeakAsync(new FileInfo(peakFile), options.PeakMode);
    return 0;
}

Console.WriteLine($"Benchmark of upload processing on {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
var small = BenchmarkFiles.Ensure(options.WorkFolder, options.SizeMegabytes);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"File: {small.FullName} ({small.Length / 1e6:F1} MB)"));

// Tokenizing and reading alternate, from the same bytes in memory, so both meet the same machine (a shared 2-core
// machine drifts from second to second) and the ratio compares their work, not the file system's.
var content = File.ReadAllBytes(small.FullName);
var (raw, reader) = Measurements.BestOfAlternating(options.Runs, () => Measurements.Tokenize(content), () => Measurements.Read(content));
var step = Measurements.Best(1, () => Measurements.ProcessUploadAsync(small).GetAwaiter().GetResult());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Raw Utf8JsonReader tokenizing          {raw.MegabytesPerSecond,8:F1} MB/s  (best of {options.Runs}, from memory)
    UploadReader validate + aggregate      {reader.MegabytesPerSecond,8:F1} MB/s  (best of {options.Runs}, from memory)  = {100 * reader.MegabytesPerSecond / raw.MegabytesPerSecond:F0}% of raw
    ProcessUpload step, embedded storage   {step.MegabytesPerSecond,8:F1} MB/s  (from the file: read, validate, aggregate, spool, save to SQLite)
    """));

var big = BenchmarkFiles.Ensure(options.WorkFolder, options.BigMegabytes);
foreach (var file in new[] { small, big })
{
    foreach (var mode in new[] { "reader", "step" })
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak memory, {file.Length / 1e6,6:F0} MB file, {mode,-6}: {Measurements.PeakInChildProcess(file, mode)}"));
    }
}

return 0;

internal sealed record Arguments(string WorkFolder, int SizeMegabytes, int BigMegabytes, int Runs, string? PeakFile, string PeakMode)
{
    public static Arguments Parse(string[] args)
    {
        string Value(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var peak = Array.IndexOf(args, "--peak");
        return new Arguments(
            Value("--work", Path.Combine(Path.GetTempPath(), "analytics-bench")),
            int.Parse(Value("--size-mb", "100"), CultureInfo.InvariantCulture),
            int.Parse(Value("--big-mb", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--runs", "10"), CultureInfo.InvariantCulture),
            peak >= 0 ? args[peak + 1] : null,
            peak >= 0 && peak + 2 < args.Length ? args[peak + 2] : "reader");
    }
}

internal sealed record DailyArguments(string WorkFolder, IReadOnlyList<int> Stores, int Days, int Seed, int Skus)
{
    public static DailyArguments Parse(string[] args)
    {
        string Value(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        return new DailyArguments(
            Value("--work", Path.Combine(Path.GetTempPath(), "analytics-bench")),
            [.. Value("--stores", "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))],
            int.Parse(Value("--days", "120"), CultureInfo.InvariantCulture),
            int.Parse(Value("--seed", "42"), CultureInfo.InvariantCulture),
            int.Parse(Value("--skus", "30"), CultureInfo.InvariantCulture));
    }
}

internal sealed record NoiseArguments(string? DataFolder, DateOnly From, DateOnly To, bool Returns, bool EveryDay)
{
    public static NoiseArguments Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        DateOnly Date(string name, string fallback) =>
            DateOnly.TryParseExact(Value(name) ?? fallback, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new ArgumentException($"{name} needs an ISO date (yyyy-MM-dd), not '{Value(name)}'.", nameof(args));
        return new NoiseArguments(Value("--data"), Date("--from", "2011-02-01"), Date("--to", "2011-12-09"), args.Contains("--returns"), args.Contains("--every-day"));
    }
}
