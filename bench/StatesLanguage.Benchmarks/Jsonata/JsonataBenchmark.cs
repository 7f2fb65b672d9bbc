using System.Diagnostics;
using System.Globalization;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Benchmarks.Jsonata;

/// <summary>
/// Expressions evaluated per second on the suite's cases, the same cases, inputs and loop as bench/peer/jsonata.mjs:
/// each expression compiled once, one warm-up pass over every case, then <c>runs</c> passes that each evaluate every
/// case for at least <c>caseSeconds</c>, keeping a case's best pass.
/// </summary>
internal static class JsonataBenchmark
{
    public static async Task RunAsync(string suite, IReadOnlyList<string> groups, int runs, double caseSeconds, string? resultsFile)
    {
        Console.WriteLine($"Each case: one warm-up pass, then best of {runs} passes of at least {caseSeconds.ToString(CultureInfo.InvariantCulture)} s; cases one after another.");
        var minimum = TimeSpan.FromSeconds(caseSeconds);
        List<MeasuredCase> measured = [];
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        List<string> failed = [];
        foreach (var testCase in JsonataCase.Load(suite, groups))
        {
            if (testCase.Exclusion(out var compiled) is { } reason)
            {
                excluded[reason] = excluded.GetValueOrDefault(reason) + 1;
                if (reason.StartsWith("crash", StringComparison.Ordinal) || reason == "wrong result")
                    failed.Add($"{testCase.Name} ({reason})");
            }
            else
                measured.Add(new MeasuredCase(testCase, compiled!));
        }
        foreach (var item in measured)
            _ = Measure(item, minimum);
        for (var run = 0; run < runs; run++)
        {
            foreach (var item in measured)
            {
                var (rate, bytes) = Measure(item, minimum);
                if (rate > item.Best)
                    (item.Best, item.BytesPerEvaluation) = (rate, bytes);
            }
        }

        Console.WriteLine($"{"group",-26} {"cases",6} {"evaluations/s",14} {"slowest case/s",15} {"KB alloc/eval",14}");
        foreach (var group in measured.GroupBy(item => item.Case.Group))
            Print(group.Key, [.. group]);
        Print("all", measured);
        Console.WriteLine($"Left out: {(excluded.Count == 0 ? "none" : string.Join(", ", excluded.Select(pair => $"{pair.Value} ({pair.Key})")))}");
        if (failed.Count > 0)
            Console.WriteLine($"Evaluator failures (cases the suite expects to pass): {string.Join(", ", failed)}");
        if (resultsFile is not null)
        {
            await File.WriteAllLinesAsync(resultsFile, measured.Select(item => string.Create(CultureInfo.InvariantCulture,
                $"{item.Case.Group}\t{item.Case.Name}\t{item.Best:F2}")));
        }
    }

    /// <summary>The group's rate: its cases evaluated one after another, once each, as often as possible.</summary>
    private static void Print(string group, List<MeasuredCase> cases)
    {
        var rate = cases.Count / cases.Sum(item => 1 / item.Best);
        var bytes = cases.Average(item => item.BytesPerEvaluation);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{group,-26} {cases.Count,6} {rate,14:N0} {cases.Min(item => item.Best),15:N0} {bytes / 1024,14:N1}"));
    }

    /// <summary>Evaluations for at least <paramref name="minimum"/>, the clock read between batches that double up to
    /// ~1 ms; evaluations per second and bytes allocated per evaluation.</summary>
    private static (double Rate, double Bytes) Measure(MeasuredCase item, TimeSpan minimum)
    {
        var expression = item.Compiled;
        var input = item.Case.Input;
        var bindings = item.Case.Bindings;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        long evaluations = 0;
        var batch = 1;
        var elapsed = TimeSpan.Zero;
        while (elapsed < minimum)
        {
            var before = elapsed;
            for (var i = 0; i < batch; i++)
                _ = expression.Evaluate(input, bindings);
            evaluations += batch;
            elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed - before < TimeSpan.FromMilliseconds(1))
                batch *= 2;
        }
        return (evaluations / elapsed.TotalSeconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)evaluations);
    }

    private sealed class MeasuredCase(JsonataCase testCase, JsonataExpression compiled)
    {
        public JsonataCase Case { get; } = testCase;

        public JsonataExpression Compiled { get; } = compiled;

        public double Best { get; set; }

        public double BytesPerEvaluation { get; set; }
    }
}
