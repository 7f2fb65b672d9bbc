using Analytics.Testing;
using System.Net;
using System.Text.RegularExpressions;
using StatesLanguage.Evaluation;
using StatesLanguage.Server.Console;
using StatesLanguage.Server.Tests.Console.Support;
using Xunit.Abstractions;

namespace StatesLanguage.Server.Tests.Console;

/// <summary>
/// The graph and history table in a real browser: headless Chromium screenshots the page (decoded: not blank, and the
/// outcome colours are on screen) and dumps its DOM (every state of the machine is there, hostile names intact and
/// inert). The pages and PNGs stay in the test output folder (<c>console-pages/</c>) for a human to look at.
/// </summary>
public sealed partial class ConsoleChromiumTests(ITestOutputHelper output)
{
    private const int Width = 1280, Height = 2000;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "console-pages");

    [ChromiumFact]
    public async Task DailyAnalysisWithCaughtErrors_ScreenshotShowsTheColouredGraphAndDomHasEveryState()
    {
        var machine = RealMachines.Load(RealMachines.DailyAnalysis);
        var result = await RealMachines.RunDailyAnalysisAsync(("GenerateRecommendations", "ThrottlingException"));
        var page = await WritePageAsync("daily-analysis-caught", machine.Definition, result);

        var image = await ScreenshotAsync(page);
        Assert.True(image.DistinctColours() > 100, $"only {image.DistinctColours()} colours: the page did not render");
        Assert.True(image.ShareNotBackground() > 0.05, $"only {image.ShareNotBackground():P1} of the page differs from its background");
        var colours = image.Colours();
        Assert.Contains(0xE3F4E1FFu, colours); // a succeeded box's fill
        Assert.Contains(0xFFF1DEFFu, colours); // the caught GenerateRecommendations
        Assert.Contains(0xF2F3F3FFu, colours); // states not run

        var dom = await HeadlessChromium.DumpDomAsync(page);
        Assert.Equal(RealMachines.AllStates(machine.Definition).Select(s => s.Name).Order(StringComparer.Ordinal),
                     GraphStates(dom).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("caught", GraphStates(dom)["GenerateRecommendations"]);
        Assert.Equal("succeeded", GraphStates(dom)["Success"]);
        Assert.Contains("<table class=\"state-history\">", dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task RejectedUpload_ScreenshotShowsTheFailedStateInRed()
    {
        var machine = RealMachines.Load(RealMachines.UploadProcessor);
        var result = await RealMachines.RunRejectedUploadAsync();
        var page = await WritePageAsync("upload-processor-rejected", machine.Definition, result);

        var image = await ScreenshotAsync(page);
        Assert.Contains(0xFDE3DFFFu, image.Colours()); // UploadRejected's red fill
        var states = GraphStates(await HeadlessChromium.DumpDomAsync(page));
        Assert.Equal(machine.Definition.States.Keys.Order(StringComparer.Ordinal), states.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("failed", states["UploadRejected"]);
    }

    [ChromiumFact]
    public async Task HostileStateNames_AreTextInTheBrowserNotMarkup()
    {
        string[] names = ["<script>document.title='owned'</script>", "<img src=x onerror=alert(1)>", "Tom & \"Jerry's\" </svg>"];
        var definition = new JsonObject
        {
            ["StartAt"] = names[0],
            ["States"] = new JsonObject
            {
                [names[0]] = new JsonObject { ["Type"] = "Pass", ["Next"] = names[1] },
                [names[1]] = new JsonObject { ["Type"] = "Pass", ["Next"] = names[2] },
                [names[2]] = new JsonObject { ["Type"] = "Fail", ["Error"] = "<b>Bad</b>", ["Cause"] = "</title><script>alert(2)</script>" },
            },
        }.ToJsonString();
        var machine = StateMachine.Parse(definition);
        var result = await RealMachines.RunAsync(machine, """{"note":"</pre><script>alert(3)</script>"}""", new TaskAnswers(_ => null));
        var page = await WritePageAsync("hostile-names", machine.Definition, result);

        var dom = await HeadlessChromium.DumpDomAsync(page);
        Assert.Equal(names.Order(StringComparer.Ordinal), GraphStates(dom).Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title>Execution graph</title>", dom, StringComparison.Ordinal);
    }

    private async Task<Uri> WritePageAsync(string name, StatesLanguage.Definition.StateMachineDefinition definition, ExecutionResult result)
    {
        Directory.CreateDirectory(Folder);
        var trace = ExecutionTrace.From(result.History.Events);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Execution graph</title>
            <style>body {"{"} font-family: sans-serif; margin: 16px; {"}"} {StateHistoryTable.Style}</style></head>
            <body>{ExecutionGraph.Render(definition, trace)}
            {StateHistoryTable.Render(trace)}</body></html>
            """;
        var path = Path.Combine(Folder, name + ".html");
        await File.WriteAllTextAsync(path, html);
        output.WriteLine($"page: {path}");
        return new Uri(path);
    }

    private async Task<PngImage> ScreenshotAsync(Uri page)
    {
        var png = Path.ChangeExtension(page.LocalPath, ".png");
        var image = await HeadlessChromium.ScreenshotImageAsync(page, png, Width, Height);
        output.WriteLine($"screenshot: {png} ({new FileInfo(png).Length:N0} bytes)");
        return image;
    }

    /// <summary>The graph's states in a dumped DOM: decoded <c>data-state</c> → <c>data-outcome</c> of each
    /// <c>&lt;g class="state …"&gt;</c>.</summary>
    internal static Dictionary<string, string> GraphStates(string dom) =>
        StateGroup().Matches(dom).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => m.Groups["outcome"].Value, StringComparer.Ordinal);

    [GeneratedRegex("""<g class="state[^"]*" data-state="(?<name>[^"]*)" data-type="[^"]*" data-outcome="(?<outcome>[^"]*)">""")]
    private static partial Regex StateGroup();
}
