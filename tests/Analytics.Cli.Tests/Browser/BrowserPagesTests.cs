using System.Text.RegularExpressions;
using Analytics.Cli.Browser;

namespace Analytics.Cli.Tests.Browser;

public sealed partial class BrowserPagesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("browser-pages-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void HomePage_DaysInAnyOrder_NewestFirstWithStatusStaleMarkAndLinks()
    {
        var html = HomePage.Render(BrowserSamples.Days());

        Assert.Equal(["2026-12-02", "2026-12-01", "2026-11-30", "2026-11-29"], DayRows().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("<a href=\"/days/2026-12-01\">2026-12-01</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/days/2026-12-01/report\">report</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/executions/daily-analysis-20261202T060000-3\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge status-failed\">failed</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge status-running\">running</span>", html, StringComparison.Ordinal);
        var stale = Assert.Single(StaleBadges().Matches(html));
        Assert.Contains("2026-12-02 09:30:00.000 UTC for store-0007, store-0012", stale.Value, StringComparison.Ordinal);
        Assert.Contains("1 day(s) stale", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void HomePage_NoDays_SaysHowToAnalyseOne() =>
        Assert.Contains("No day has been analysed yet", HomePage.Render([]), StringComparison.Ordinal);

    [Fact]
    public void ExecutionsPage_Executions_NewestFirstWithMachineStatusTimesAndStaleMark()
    {
        var html = ExecutionsPage.Render(BrowserSamples.Executions());

        Assert.Equal(["daily-analysis-20261203T060000-4", "daily-analysis-20261202T060000-3", "upload-processor-20261202T051500-a"],
                     ExecutionRows().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("<td>2026-12-02 06:00:00.000 UTC</td><td>2026-12-02 06:00:04.000 UTC</td><td>4 s</td>", html, StringComparison.Ordinal);
        Assert.Single(StaleBadges().Matches(html));
        Assert.Contains("<a href=\"/days/2026-12-01\">2026-12-01</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DayPage_Report_IsEmbeddedWithoutScriptsAndTheFilesAreListed()
    {
        var day = BrowserSamples.Days()[1];

        var html = DayPage.Render(new DayPageModel(day, BrowserLinks.DayReport(day.Date), BrowserSamples.Files()));

        Assert.Contains("<iframe class=\"report\" src=\"/days/2026-12-01/report\" title=\"Daily report of 2026-12-01\" sandbox=\"allow-same-origin\"></iframe>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/files/exports/quicksight/company_daily/dt%3D2026-12-01/part-00000.ndjson\">", html, StringComparison.Ordinal);
        Assert.Contains("5.4 MiB", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"notice stale\"><strong>Stale.</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/executions/daily-analysis-20261202T060000-3\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DayPage_NoReport_SaysSo() =>
        Assert.Contains("This day has no HTML report.", DayPage.Render(new DayPageModel(BrowserSamples.Days()[2], null, [])), StringComparison.Ordinal);

    [Fact]
    public async Task ExecutionPage_StoredExecution_HasGraphHistoryInputOutputAndFiles()
    {
        var model = await BrowserSamples.StoredDailyAnalysisAsync(_folder.FullName, ("GenerateRecommendations", "ThrottlingException"));

        var html = ExecutionPage.Render(model);

        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"execution-graph\"", html, StringComparison.Ordinal);
        Assert.Contains("<g class=\"state caught\" data-state=\"GenerateRecommendations\"", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"state-history\">", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Execution input</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Execution output</summary>", html, StringComparison.Ordinal);
        Assert.Contains("/files/reports/2026-12-01/daily-report.txt", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/days/2026-12-01\">2026-12-01</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutionPage_UnknownDefinition_ShowsTheHistoryWithoutAGraph()
    {
        var html = ExecutionPage.Render(new ExecutionPageModel(BrowserSamples.Executions()[0], null, []));

        Assert.Contains("The definition of this state machine is not known: no graph.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("No state was entered.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPage_HostileText_IsEscapedWherever_ItAppears()
    {
        const string hostile = BrowserSamples.Hostile;
        var day = BrowserSamples.Days(hostile)[0] with { Stale = BrowserSamples.Stale with { StoreIds = [hostile] } };
        var execution = BrowserSamples.Executions(hostile)[0] with { Stale = BrowserSamples.Stale with { StoreIds = [hostile] } };
        var pages = new Dictionary<string, string>
        {
            ["home"] = HomePage.Render([day]),
            ["executions"] = ExecutionsPage.Render([execution]),
            ["day"] = DayPage.Render(new DayPageModel(day, hostile, BrowserSamples.Files(hostile))),
            ["execution"] = ExecutionPage.Render(new ExecutionPageModel(execution, null, [])
            {
                Error = hostile, Cause = hostile, Input = new System.Text.Json.Nodes.JsonObject { ["x"] = hostile }, Files = BrowserSamples.Files(hostile),
            }),
        };

        Assert.All(pages, page =>
        {
            Assert.DoesNotContain("<script", page.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(hostile, page.Value, StringComparison.Ordinal);
            Assert.Contains(BrowserSamples.HostileEscaped, page.Value, StringComparison.Ordinal);
        });
        Assert.Contains("<a href=\"/executions/%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E%26%22\">", pages["home"], StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-day=\"([0-9-]+)\"")]
    private static partial Regex DayRows();

    [GeneratedRegex("<tr data-execution=\"([^\"]+)\"")]
    private static partial Regex ExecutionRows();

    [GeneratedRegex("<span class=\"badge stale\" title=\"[^\"]*\">stale</span>")]
    private static partial Regex StaleBadges();
}
