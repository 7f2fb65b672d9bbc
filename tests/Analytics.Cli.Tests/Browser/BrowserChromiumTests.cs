using Analytics.Testing;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Cli.Browser;
using StatesLanguage.Server.Tests.Console.Support;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests.Browser;

/// <summary>
/// The report browser's pages in headless Chromium: each page's screenshot is decoded and must not be blank, the
/// stale mark and the graph's outcome colours must be on screen, and the execution page's DOM must hold every state
/// of the machine. Pages and PNGs stay in the test output folder (<c>browser-pages/</c>) for a human to look at.
/// </summary>
public sealed partial class BrowserChromiumTests(ITestOutputHelper output) : IDisposable
{
    private const int Width = 1280, Height = 2000;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "browser-pages");
    private readonly DirectoryInfo _executions = Directory.CreateTempSubdirectory("browser-executions-");

    public void Dispose() => _executions.Delete(recursive: true);

    [ChromiumFact]
    public async Task EveryPage_ScreenshotIsNotBlank()
    {
        var execution = await BrowserSamples.StoredDailyAnalysisAsync(_executions.FullName, ("ForecastSales", "ModelTimeoutException"));
        var day = BrowserSamples.Days()[1];
        var report = await WriteAsync("daily-report.html",
            "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h1>Daily report 2026-12-01</h1><p style=\"background:#dfe\">Net revenue 259,653.21</p></body></html>");
        var pages = new Dictionary<string, string>
        {
            ["home"] = HomePage.Render(BrowserSamples.Days()),
            ["executions"] = ExecutionsPage.Render(BrowserSamples.Executions()),
            ["day"] = DayPage.Render(new DayPageModel(day, report.AbsoluteUri, BrowserSamples.Files())),
            ["execution"] = ExecutionPage.Render(execution),
        };

        foreach (var (name, html) in pages)
        {
            var image = await ScreenshotAsync(await WriteAsync(name + ".html", html));
            Assert.True(image.DistinctColours() > 50, $"{name}: only {image.DistinctColours()} colours, the page did not render");
            Assert.True(image.ShareNotBackground() > 0.01, $"{name}: only {image.ShareNotBackground():P2} of the page differs from its background");
            Assert.Contains(0x232F3EFFu, image.Colours()); // the header bar of the layout
        }
    }

    [ChromiumFact]
    public async Task HomePage_StaleDay_BadgeIsOnScreen()
    {
        var image = await ScreenshotAsync(await WriteAsync("home-stale.html", HomePage.Render(BrowserSamples.Days())));

        Assert.Contains(0xFFF8C5FFu, image.Colours()); // the stale badge and notice
    }

    [ChromiumFact]
    public async Task ExecutionPage_DomHasEveryStateOfTheGraphAndTheOutcomesAreOnScreen()
    {
        var execution = await BrowserSamples.StoredDailyAnalysisAsync(_executions.FullName, ("GenerateRecommendations", "ThrottlingException"));
        var page = await WriteAsync("execution-caught.html", ExecutionPage.Render(execution));

        var dom = await HeadlessChromium.DumpDomAsync(page);
        var states = StateGroup().Matches(dom).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => m.Groups["outcome"].Value, StringComparer.Ordinal);
        Assert.Equal(RealMachines.AllStates(execution.Definition!).Select(s => s.Name).Order(StringComparer.Ordinal), states.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("caught", states["GenerateRecommendations"]);
        Assert.Equal("succeeded", states["RecommendationsFailed"]);
        Assert.Equal("not-run", states["NotifyFailure"]);

        var colours = (await ScreenshotAsync(page)).Colours();
        Assert.Contains(0xE3F4E1FFu, colours); // succeeded
        Assert.Contains(0xFFF1DEFFu, colours); // caught
    }

    private static async Task<Uri> WriteAsync(string name, string html)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        await File.WriteAllTextAsync(path, html);
        return new Uri(path);
    }

    private async Task<PngImage> ScreenshotAsync(Uri page)
    {
        var png = Path.ChangeExtension(page.LocalPath, ".png");
        var image = await HeadlessChromium.ScreenshotImageAsync(page, png, Width, Height);
        output.WriteLine($"screenshot: {png} ({new FileInfo(png).Length:N0} bytes)");
        return image;
    }

    [GeneratedRegex("""<g class="state[^"]*" data-state="(?<name>[^"]*)" data-type="[^"]*" data-outcome="(?<outcome>[^"]*)">""")]
    private static partial Regex StateGroup();
}
