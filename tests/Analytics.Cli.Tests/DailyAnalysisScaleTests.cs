using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Workflows;
using Analytics.Domain;
using Analytics.Domain.Sales;
using Analytics.Functions.DailyAnalysis;
using Analytics.Testing;
using Microsoft.Extensions.DependencyInjection;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests;

/// <summary>
/// daily-analysis through the engine at 10 and at 10,000 stores (a synthetic chain, 120 days, generated on the fly):
/// every state's input and output stays under the Step Functions limit of 256 KiB, and the run takes as many state
/// transitions whatever the number of stores. Serial: the 10,000-store run uses both cores and a few hundred MB.
/// </summary>
[Collection(nameof(SerialConsole))]
public sealed class DailyAnalysisScaleTests(ITestOutputHelper output)
{
    /// <summary>Step Functions' limit on a state's input or output (and on the execution's).</summary>
    public const int StateDataLimit = 256 * 1024;

    private static readonly DateOnly Date = new(2025, 1, 15);

    [Fact]
    public async Task Daily_TenThousandStores_StateDataUnder256KiBAndTransitionsAsForTenStores()
    {
        var small = await RunAsync(10);
        var large = await RunAsync(10_000);

        foreach (var run in new[] { small, large })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Stores,6} stores: {run.Status}, {run.Transitions} state transitions, largest state data {run.Largest.Bytes:N0} bytes ({run.Largest.Where}), {run.Seconds:F1} s (informative only)"));
            output.WriteLine($"  state times: {run.Timings}");
        }

        foreach (var (where, bytes) in large.Sizes.OrderByDescending(s => s.Bytes).Take(8))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  10,000 stores: {bytes,9:N0} bytes  {where}"));
        }

        Assert.True(small.Status == ExecutionStatus.Succeeded, small.Failure);
        Assert.True(large.Status == ExecutionStatus.Succeeded, large.Failure);
        Assert.Equal(large.StoresTrading, large.StoreCount);
        Assert.True(large.Largest.Bytes < StateDataLimit, $"{large.Largest.Where} is {large.Largest.Bytes:N0} bytes, over 256 KiB");
        Assert.Equal(small.Transitions, large.Transitions);
        Assert.Equal(small.StatesEntered, large.StatesEntered);
    }

    [Fact]
    public void SyntheticChain_ChainDay_IsTheMergeOfItsStoreDays()
    {
        var chain = new SyntheticChain(300);

        var expected = SalesMerge.ChainDay(Date, [.. chain.Day(Date, withSkus: false)]);
        var actual = chain.ChainDay(Date)!;

        Assert.Equal((expected.StoresTrading, expected.Totals), (actual.StoresTrading, actual.Totals));
        Assert.Equal(expected.Hours, actual.Hours);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.PaymentMethods, actual.PaymentMethods);
        Assert.InRange(expected.StoresTrading, 290, 300);
    }

    private static async Task<ScaleRun> RunAsync(int stores)
    {
        var root = Directory.CreateTempSubdirectory("analytics-scale-");
        try
        {
            var chain = new SyntheticChain(stores);
            var sales = new SyntheticSalesStore(chain, Date.AddDays(-119), Date);
            await using var services = LocalEnvironment.CreateServices(Path.Combine(root.FullName, "data"), instantWaits: true,
                s => s.AddSingleton<ISalesStore>(sales));
            var workflows = services.GetRequiredService<LocalWorkflows>();
            List<(string Where, int Bytes)> sizes = [];
            List<string> entered = [];
            Dictionary<string, DateTimeOffset> started = [];
            List<string> timings = [];
            var storeCount = 0;
            var clock = Stopwatch.StartNew();
            var result = await workflows.RunAsync(LocalWorkflows.DailyAnalysis, LocalWorkflows.Load(LocalWorkflows.DailyAnalysis),
                new JsonObject { ["date"] = IsoDate.Format(Date) }, null, e =>
                {
                    sizes.Add(($"{e.Type} {e.StateName} input", Bytes(e.Input)));
                    sizes.Add(($"{e.Type} {e.StateName} output", Bytes(e.Output)));
                    if (e.Type.ToString().EndsWith("StateEntered", StringComparison.Ordinal))
                    {
                        entered.Add(e.StateName ?? "");
                        started[e.StateName ?? ""] = e.Timestamp;
                    }
                    else if (e.Type.ToString().EndsWith("StateExited", StringComparison.Ordinal) && started.TryGetValue(e.StateName ?? "", out var start))
                    {
                        timings.Add(string.Create(CultureInfo.InvariantCulture, $"{e.StateName} {(e.Timestamp - start).TotalSeconds:F1} s"));
                    }

                    if (e.Type == HistoryEventType.TaskStateExited && e.StateName == GetStoreSummariesStep.StateName)
                    {
                        storeCount = (int?)e.Output?["run"]?["storeCount"] ?? 0;
                    }
                }, CancellationToken.None);
            var trading = Enumerable.Range(0, stores).Count(i => !chain.IsClosed(i, Date));
            return new ScaleRun(stores, result.Status, $"{result.Error}: {result.Cause}", trading, storeCount, entered.Count, string.Join(", ", timings),
                                [.. entered.Order(StringComparer.Ordinal)], sizes, sizes.MaxBy(s => s.Bytes), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static int Bytes(JsonNode? node) => node is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(node.ToJsonString());

    private sealed record ScaleRun(int Stores, ExecutionStatus Status, string Failure, int StoresTrading, int StoreCount, int Transitions, string Timings,
                                   IReadOnlyList<string> StatesEntered, IReadOnlyList<(string Where, int Bytes)> Sizes,
                                   (string Where, int Bytes) Largest, double Seconds);
}
