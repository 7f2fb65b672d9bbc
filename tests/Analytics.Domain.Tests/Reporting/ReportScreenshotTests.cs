using Analytics.Domain.Reporting;
using Analytics.Testing;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>
/// Renders the HTML report of a realistic day in headless Chromium and checks the screenshot: a PNG of the window's
/// size that is not blank. The PNG stays in the test output folder (<c>report-screenshots/</c>) for a human to look at.
/// </summary>
public sealed class ReportScreenshotTests(ITestOutputHelper output)
{
    private const int Width = 1280, Height = 2400;

    [ChromiumFact]
    public async Task Render_RealisticDay_ChromiumScreenshotIsNotBlank()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "report-screenshots");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "daily-report.html");
        var png = Path.Combine(folder, "daily-report.png");
        await File.WriteAllTextAsync(page, new DailyReportRenderer().Render(ReportSamples.Realistic(50)).Html);

        var image = await HeadlessChromium.ScreenshotImageAsync(new Uri(page), png, Width, Height);

        output.WriteLine($"screenshot: {png} ({new FileInfo(png).Length:N0} bytes)");
        Assert.True(image.DistinctColours() > 64, "the screenshot has almost no distinct colours: the page did not render");
        Assert.True(image.ShareNotBackground() > 0.05, "the screenshot is nearly all background: the page did not render");
    }
}
