using System.Globalization;
using StatesLanguage.Benchmarks;

// Engine throughput benchmark: executions/s and state transitions/s (states entered) for the two machines of
// bench/machines, with trivial in-process tasks and instant waits, executions one after another. A plain harness
// rather than BenchmarkDotNet, so that its figures read the same as bench/peer/run.mjs (the npm package
// aws-local-stepfunctions on the same machines); bench/engine-vs-peer.sh runs both.
//   StatesLanguage.Benchmarks [--runs 3] [--seconds 3] [--shape all|daily|map] [--machines DIR] [--results FILE]
//   StatesLanguage.Benchmarks --jsonata [--seconds 1]: the JSONata evaluator instead (bench/jsonata-vs-peer.sh)
if (args.Contains("--jsonata"))
{
    var seconds = Array.IndexOf(args, "--seconds") is var at and >= 0 ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1;
    JsonataBenchmark.Run(Path.Combine(AppContext.BaseDirectory, "jsonata", "workload.json"), seconds);
    return 0;
}

var options = Arguments.Parse(args);
Console.WriteLine($"StatesLanguage engine on {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine($"Best of {options.Runs} runs of at least {options.Seconds} s each, after warm-up; executions one after another.");

List<BenchmarkShape> shapes = [];
if (options.Shape is "all" or "daily")
    shapes.Add(BenchmarkShape.DailyAnalysis(options.MachinesFolder));
if (options.Shape is "all" or "map")
    shapes.Add(BenchmarkShape.Map(options.MachinesFolder));

Console.WriteLine($"{"shape",-26} {"executions/s",14} {"transitions/s",14} {"transitions/exec",17} {"executions",11} {"KB alloc/exec",14} {"gen2 GCs",9}");
var results = new List<string>();
foreach (var shape in shapes)
{
    var best = await Measurement.BestAsync(shape, options.Runs, TimeSpan.FromSeconds(options.Seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{shape.Name,-26} {best.ExecutionsPerSecond,14:N1} {best.TransitionsPerSecond,14:N0} {best.Transitions / best.Executions,17:N0} {best.Executions,11:N0} {best.AllocatedBytes / 1024.0 / best.Executions,14:N1} {best.Gen2Collections,9}"));
    results.Add(string.Create(CultureInfo.InvariantCulture,
        $"{shape.Name}\t{best.ExecutionsPerSecond:F2}\t{best.TransitionsPerSecond:F0}"));
}

if (options.ResultsFile is { } resultsFile)
    await File.WriteAllLinesAsync(resultsFile, results);
return 0;

internal sealed record Arguments(int Runs, double Seconds, string Shape, string MachinesFolder, string? ResultsFile)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Arguments(
            int.Parse(Value("--runs") ?? "3", CultureInfo.InvariantCulture),
            double.Parse(Value("--seconds") ?? "3", CultureInfo.InvariantCulture),
            Value("--shape") ?? "all",
            Value("--machines") ?? Path.Combine(AppContext.BaseDirectory, "machines"),
            Value("--results"));
    }
}
