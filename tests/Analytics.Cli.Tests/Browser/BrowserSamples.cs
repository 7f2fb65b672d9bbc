using Analytics.Cli.Browser;
using Analytics.Cli.Workflows;
using StatesLanguage.Evaluation;
using StatesLanguage.Server.Tests.Console.Support;

namespace Analytics.Cli.Tests.Browser;

/// <summary>View models as the host fills them: executions run on the real machines and read back from a real
/// <see cref="ExecutionStore"/>; days and files as the data folder holds them.</summary>
internal static class BrowserSamples
{
    public const string Hostile = "<script>alert('x')</script>&\"";
    public const string HostileEscaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;";

    public static readonly StaleMark Stale = new(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), ["store-0007", "store-0012"]);

    public static IReadOnlyList<DaySummary> Days(string? hostile = null) =>
    [
        new(new DateOnly(2026, 11, 29), hostile ?? "Daily sales 2026-11-29: net revenue 251,004.10 (-3.1%)", RunStatus.Succeeded)
            { ExecutionName = hostile ?? "daily-analysis-20261130T060000-1", HasReport = true },
        new(new DateOnly(2026, 12, 1), "Daily sales 2026-12-01: net revenue 259,653.21 (+2.4%)", RunStatus.Succeeded)
            { ExecutionName = "daily-analysis-20261202T060000-3", HasReport = true, Stale = Stale },
        new(new DateOnly(2026, 11, 30), null, RunStatus.Failed) { ExecutionName = "daily-analysis-20261201T060000-2" },
        new(new DateOnly(2026, 12, 2), null, RunStatus.Running) { ExecutionName = "daily-analysis-20261203T060000-4" },
    ];

    public static IReadOnlyList<ExecutionSummary> Executions(string? hostile = null) =>
    [
        new(hostile ?? "upload-processor-20261202T051500-a", hostile ?? "upload-processor", RunStatus.Failed,
            new DateTimeOffset(2026, 12, 2, 5, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 5, 15, 2, TimeSpan.Zero)),
        new("daily-analysis-20261202T060000-3", "daily-analysis", RunStatus.Succeeded,
            new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 6, 0, 4, TimeSpan.Zero))
            { Day = new DateOnly(2026, 12, 1), Stale = Stale },
        new("daily-analysis-20261203T060000-4", "daily-analysis", RunStatus.Running, new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero), null)
            { Day = new DateOnly(2026, 12, 2) },
    ];

    public static IReadOnlyList<FileLink> Files(string? hostile = null) =>
    [
        new("exports/quicksight/company_daily/dt=2026-12-01/part-00000.ndjson",
            BrowserLinks.File("exports/quicksight/company_daily/dt=2026-12-01/part-00000.ndjson"), 1_234),
        new("reports/2026-12-01/daily-report.txt", BrowserLinks.File("reports/2026-12-01/daily-report.txt"), 5_678_901),
        new(hostile ?? "exports/quicksight/manifests/company_daily.json", BrowserLinks.File(hostile ?? "exports/quicksight/manifests/company_daily.json")),
    ];

    /// <summary>A daily analysis run with <paramref name="failing"/> states failing, saved by the execution store and
    /// read back as the host reads it.</summary>
    public static async Task<ExecutionPageModel> StoredDailyAnalysisAsync(string directory, params (string State, string Error)[] failing)
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis);
        var input = System.Text.Json.Nodes.JsonNode.Parse("""{"date":"2026-12-01"}""");
        var result = await RealMachines.RunDailyAnalysisAsync(failing);
        return await SaveAndReadAsync(directory, "daily-analysis", machine, input, result);
    }

    public static async Task<ExecutionPageModel> SaveAndReadAsync(string directory, string stateMachine, StateMachine machine,
        System.Text.Json.Nodes.JsonNode? input, ExecutionResult result)
    {
        var store = new ExecutionStore(directory);
        var name = $"{stateMachine}-{Guid.NewGuid():N}";
        await store.SaveAsync(stateMachine, name, input, result, CancellationToken.None);
        var stored = store.Find(name)!;
        return new ExecutionPageModel(StoredExecution.Summary(stored) with { Day = new DateOnly(2026, 12, 1) }, machine.Definition, StoredExecution.Events(stored))
        {
            Input = stored["input"],
            Output = stored["output"],
            Error = (string?)stored["error"],
            Cause = (string?)stored["cause"],
            Files = Files(),
        };
    }
}
