using System.Collections.Frozen;
using System.Diagnostics;
using System.Text.Json.Nodes;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Benchmarks;

/// <summary>Executions run one after another for at least <c>minimum</c> wall-clock time.</summary>
internal sealed record Measurement(int Executions, long Transitions, TimeSpan Elapsed, long AllocatedBytes, int Gen2Collections)
{
    private static readonly FrozenSet<HistoryEventType> EnteredTypes = Enum.GetValues<HistoryEventType>()
        .Where(type => type.ToString().EndsWith("StateEntered", StringComparison.Ordinal))
        .ToFrozenSet();

    public double ExecutionsPerSecond => Executions / Elapsed.TotalSeconds;

    public double TransitionsPerSecond => Transitions / Elapsed.TotalSeconds;

    /// <summary>Warms up, then keeps the best of <paramref name="runs"/> measurements (by transitions per second).</summary>
    public static async Task<Measurement> BestAsync(BenchmarkShape shape, int runs, TimeSpan minimum)
    {
        var options = new ExecutionOptions { TaskInvoker = new TrivialTaskInvoker(), InstantWaits = true };
        if (shape.Twin is { } twin)
            await CheckSameOutputAsync(shape, twin, options);
        for (var i = 0; i < shape.WarmUpExecutions; i++)
            await ExecuteAsync(shape, options);
        Measurement? best = null;
        for (var run = 0; run < runs; run++)
        {
            var measured = await MeasureAsync(shape, options, minimum);
            if (best is null || measured.TransitionsPerSecond > best.TransitionsPerSecond)
                best = measured;
        }
        return best!;
    }

    private static async Task<Measurement> MeasureAsync(BenchmarkShape shape, ExecutionOptions options, TimeSpan minimum)
    {
        var executions = 0;
        long transitions = 0;
        var allocated = GC.GetTotalAllocatedBytes();
        var gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < minimum)
        {
            transitions += await ExecuteAsync(shape, options);
            executions++;
        }
        return new Measurement(executions, transitions, clock.Elapsed, GC.GetTotalAllocatedBytes() - allocated, GC.CollectionCount(2) - gen2);
    }

    /// <exception cref="InvalidOperationException">The machine and its JSONPath twin give different outputs.</exception>
    private static async Task CheckSameOutputAsync(BenchmarkShape shape, BenchmarkShape twin, ExecutionOptions options)
    {
        var output = (await shape.Machine.ExecuteAsync(shape.Input, options, CancellationToken.None)).Output;
        var expected = (await twin.Machine.ExecuteAsync(twin.Input, options, CancellationToken.None)).Output;
        if (!JsonNode.DeepEquals(output, expected))
            throw new InvalidOperationException($"{shape.Name} gave {output?.ToJsonString()}, its twin {twin.Name} {expected?.ToJsonString()}.");
    }

    /// <summary>Runs one execution and returns its state transitions: the states entered, as AWS bills them.</summary>
    public static async Task<int> ExecuteAsync(BenchmarkShape shape, ExecutionOptions options)
    {
        var result = await shape.Machine.ExecuteAsync(shape.Input, options, CancellationToken.None);
        if (result.Status != ExecutionStatus.Succeeded)
            throw new InvalidOperationException($"{shape.Name}: the execution ended {result.StatusText} ({result.Error}: {result.Cause}).");
        var entered = 0;
        foreach (var historyEvent in result.History.Events)
        {
            if (EnteredTypes.Contains(historyEvent.Type))
                entered++;
        }
        return entered;
    }
}
