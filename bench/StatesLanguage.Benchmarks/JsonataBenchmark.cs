using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Benchmarks;

/// <summary>
/// The JSONata evaluator on bench/jsonata/workload.json, as bench/peer/jsonata.mjs measures the npm package:
/// microseconds per evaluation of each compiled expression, with the input as a JsonNode (converted each time) and
/// as a JsonataDocument (converted once).
/// </summary>
internal static class JsonataBenchmark
{
    public static void Run(string workloadFile, double seconds)
    {
        var workload = JsonNode.Parse(File.ReadAllText(workloadFile))!;
        var input = workload["input"];
        var document = JsonataDocument.From(input);
        Console.WriteLine($"StatesLanguage JSONata on .NET {Environment.Version}: µs per evaluation (at least {seconds} s each, after warm-up)");
        Console.WriteLine($"{"JsonNode",10}  {"Document",10}  expression");
        foreach (var text in workload["expressions"]!.AsArray().Select(e => e!.GetValue<string>()))
        {
            var expression = JsonataExpression.Compile(text);
            var fromNode = Measure(() => expression.Evaluate(input), seconds);
            var fromDocument = Measure(() => expression.Evaluate(document), seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fromNode,10:F2}  {fromDocument,10:F2}  {text}"));
        }
    }

    private static double Measure(Func<JsonataValue> evaluate, double seconds)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < seconds / 4)
            evaluate();
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            evaluate();
            count++;
        }
        return watch.Elapsed.TotalMicroseconds / count;
    }
}
