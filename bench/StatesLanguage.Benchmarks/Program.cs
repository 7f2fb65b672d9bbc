using System.Globalization;
using StatesLanguage.Benchmarks;
using StatesLanguage.Benchmarks.Jsonata;

// Engine throughput benchmark: executions/s and state transitions/s (states entered) for the machines of
// bench/machines (the two JSONPath machines and their JSONata rewrites), with trivial in-process tasks and instant
// waits, executions one after another. A plain harness rather than BenchmarkDotNet, so that its figures read the same
// as bench/peer/run.mjs (the npm package aws-local-stepfunctions on the JSONPath machines); bench/engine-vs-peer.sh
// runs both. With --jsonata, expressions evaluated per second on the JSONata suite's heavier groups instead, the same
// cases as bench/peer/jsonata.mjs (the npm package jsonata); bench/jsonata-vs-npm.sh runs both.
//   StatesLanguage.Benchmarks [--runs 3] [--seconds 3] [--shape all|jsonpath|jsonata|daily|map|daily-jsonata|map-jsonata[,…]]
//                             [--machines DIR] [--results FILE]
//   StatesLanguage.Benchmarks --jsonata [--suite DIR] [--groups g1,g2|all] [--runs 3] [--case-seconds 0.2] [--results FILE]
var options = Arguments.Parse(args);
if (options.Jsonata)
{
    Console.WriteLine($"StatesLanguage JSONata evaluator on {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
    if (!Directory.Exists(Path.Combine(options.Suite, "groups")))
    {
        Console.Error.WriteLine($"The JSONata suite is not at {options.Suite} (give --suite DIR).");
        return 2;
    }
    IReadOnlyList<string> groups = options.Groups == "all"
        ? [.. Directory.EnumerateDirectories(Path.Combine(options.Suite, "groups")).Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal)]
        : options.Groups is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries) : JsonataCase.DefaultGroups;
    await JsonataBenchmark.RunAsync(options.Suite, groups, options.Runs, options.CaseSeconds, options.ResultsFile);
    return 0;
}

Console.WriteLine($"StatesLanguage engine on {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine($"Best of {options.Runs} runs of at least {options.Seconds} s each, after warm-up; executions one after another.");

List<BenchmarkShape> shapes = [];
var wanted = options.Shape.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
bool Wants(params string[] names) => wanted.Any(names.Contains);
if (Wants("all", "jsonpath", "daily"))
    shapes.Add(BenchmarkShape.DailyAnalysis(options.MachinesFolder));
if (Wants("all", "jsonata", "daily-jsonata"))
    shapes.Add(BenchmarkShape.DailyAnalysisJsonata(options.MachinesFolder));
if (Wants("all", "jsonpath", "map"))
    shapes.Add(BenchmarkShape.Map(options.MachinesFolder));
if (Wants("all", "jsonata", "map-jsonata"))
    shapes.Add(BenchmarkShape.MapJsonata(options.MachinesFolder));

Console.WriteLine($"{"shape",-26} {"executions/s",14} {"transitions/s",14} {"transitions/exec",17} {"executions",11} {"KB alloc/exec",14} {"gen2 GCs",9}");
var results = new List<string>();
foreach (var shape in shapes)
{
    var best = await Measurement.BestAsync(shape, options.Runs, TimeSpan.FromSeconds(options.Seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{shape.Name,-26} {best.ExecutionsPerSecond,14:N1} {best.TransitionsPerSecond,14:N0} {best.Transitions / best.Executions,17:N0} {best.Executions,11:N0} {best.AllocatedBytes / 1024.0 / best.Executions,14:N1} {best.Gen2Collections,9}"));
    // The fourth column names the shape the npm peer's figures are compared with: the JSONPath twin of a JSONata machine.
    results.Add(string.Create(CultureInfo.InvariantCulture,
        $"{shape.Name}\t{best.ExecutionsPerSecond:F2}\t{best.TransitionsPerSecond:F0}\t{(shape.Twin ?? shape).Name}"));
}

if (options.ResultsFile is { } resultsFile)
    await File.WriteAllLinesAsync(resultsFile, results);
return 0;

internal sealed record Arguments(int Runs, double Seconds, string Shape, string MachinesFolder, string? ResultsFile,
    bool Jsonata, string Suite, string? Groups, double CaseSeconds)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Arguments(
            int.Parse(Value("--runs") ?? "3", CultureInfo.InvariantCulture),
            double.Parse(Value("--seconds") ?? "3", CultureInfo.InvariantCulture),
            Value("--shape") ?? "all",
            Value("--machines") ?? Path.Combine(AppContext.BaseDirectory, "machines"),
            Value("--results"),
            args.Contains("--jsonata"),
            Value("--suite") ?? DefaultSuite(),
            Value("--groups"),
            double.Parse(Value("--case-seconds") ?? "0.2", CultureInfo.InvariantCulture));
    }

    /// <summary>The JSONata suite in the team's shared folder beside the repository (the folder holding Analytics.sln):
    /// ../shared/conformance/jsonata-suite.</summary>
    private static string DefaultSuite()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Analytics.sln")))
            repository = repository.Parent;
        return Path.GetFullPath(Path.Combine(repository?.FullName ?? ".", "..", "shared", "conformance", "jsonata-suite"));
    }
}
