using System.Diagnostics;

namespace Analytics.Testing;

/// <summary>
/// Headless Chromium for the page tests: finds it on the PATH (as the report's screenshot test does) and runs it on a
/// page to take a screenshot or dump the DOM after parsing. Each run has its own profile folder, removed after.
/// Shared by every test project (tests/Shared).
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    public static string? Executable { get; } = Find();

    public const string SkipReason = "Chromium is not installed (none of chromium, chromium-browser, google-chrome on the PATH): " +
                                     "the browser test is skipped. Install it with `apt-get install -y chromium`, as .ci/run does.";

    /// <summary>Writes a PNG of the page as a window of the given size to <paramref name="png"/>.</summary>
    public static async Task ScreenshotAsync(Uri page, string png, int width, int height)
    {
        File.Delete(png);
        var (exitCode, _, stderr) = await RunAsync(page, $"--screenshot={png}", $"--window-size={width},{height}");
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot of {page} (exit {exitCode}): {stderr}");
    }

    /// <summary>A screenshot of the page (written to <paramref name="png"/>), decoded; it must have the window's size.</summary>
    public static async Task<PngImage> ScreenshotImageAsync(Uri page, string png, int width, int height)
    {
        await ScreenshotAsync(page, png, width, height);
        var image = PngImage.Decode(await File.ReadAllBytesAsync(png));
        Assert.Equal((width, height), (image.Width, image.Height));
        return image;
    }

    /// <summary>The DOM of the page once loaded, serialized (<c>--dump-dom</c>).</summary>
    public static async Task<string> DumpDomAsync(Uri page)
    {
        var (exitCode, stdout, stderr) = await RunAsync(page, "--dump-dom");
        Assert.True(exitCode == 0 && stdout.Length > 0, $"Chromium did not dump the DOM of {page} (exit {exitCode}): {stderr}");
        return stdout;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Uri page, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("browser-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(SkipReason))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                         "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                         "--disable-dev-shm-usage", "--disable-extensions", $"--user-data-dir={profile.FullName}", .. arguments, page.AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish with {page} within 90 s");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that needs Chromium: skipped, with the reason, on a machine without it.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
        {
            Skip = HeadlessChromium.SkipReason;
        }
    }
}
