using System.Diagnostics;
using System.Globalization;
using Analytics.Cli.Commands;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.Options;

namespace Analytics.Benchmarks;

internal sealed record Throughput(long Bytes, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;
}

internal static class Measurements
{
    public static Throughput Best(int runs, Func<Throughput> measure) =>
        Enumerable.Range(0, runs).Select(_ => measure()).MaxBy(t => t.MegabytesPerSecond)!;

    /// <summary>Runs <paramref name="first"/> and <paramref name="second"/> in turn, <paramref name="runs"/> times each; the best of each.</summary>
    public static (Throughput First, Throughput Second) BestOfAlternating(int runs, Func<Throughput> first, Func<Throughput> second)
    {
        var results = Enumerable.Range(0, runs).Select(_ => (First: first(), Second: second())).ToList();
        return (results.MaxBy(r => r.First.MegabytesPerSecond).First, results.MaxBy(r => r.Second.MegabytesPerSecond).Second);
    }

    public static Throughput Tokenize(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var clock = Stopwatch.StartNew();
        RawTokenizer.CountTokens(stream);
        return new Throughput(content.Length, clock.Elapsed);
    }

    public static Throughput Read(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return ReadAsync(stream, content.Length).GetAwaiter().GetResult();
    }

    public static async Task<Throughput> ReadAsync(FileInfo file)
    {
        await using var stream = Open(file);
        return await ReadAsync(stream, file.Length);
    }

    private static async Task<Throughput> ReadAsync(Stream stream, long length)
    {
        var reader = new UploadReader(TimeProvider.System, Options.Create(new UploadOptions()));
        var clock = Stopwatch.StartNew();
        var result = await reader.ReadAsync(stream, "benchmark.json", static (_, _) => ValueTask.CompletedTask, CancellationToken.None);
        var elapsed = clock.Elapsed;
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"The benchmark file is invalid: {result.Problems[0].Message}");
        }

        return new Throughput(length, elapsed);
    }

    /// <summary>The whole upload-processor workflow (ProcessUpload on embedded storage) in a fresh data folder.</summary>
    public static async Task<Throughput> ProcessUploadAsync(FileInfo file)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("analytics-bench-data-");
        try
        {
            await using var services = LocalEnvironment.CreateServices(dataDirectory.FullName);
            var uploader = new LocalUploader(services);
            var clock = Stopwatch.StartNew();
            await uploader.UploadAsync(file, onEvent: null, CancellationToken.None);
            return new Throughput(file.Length, clock.Elapsed);
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    /// <summary>Runs one measurement in a new process and returns what it printed about its peak memory.</summary>
    public static string PeakInChildProcess(FileInfo file, string mode) => ChildProcess.Run(["--peak", file.FullName, mode]);

    public static async Task PrintPeakAsync(FileInfo file, string mode)
    {
        var throughput = mode == "step" ? await ProcessUploadAsync(file) : await ReadAsync(file);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, GC allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB in all, {throughput.MegabytesPerSecond:F0} MB/s"));
    }

    private static FileStream Open(FileInfo file) =>
        new(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
