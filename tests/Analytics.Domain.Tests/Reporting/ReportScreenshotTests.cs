using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using Analytics.Domain.Reporting;
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
        File.Delete(png);
        await File.WriteAllTextAsync(page, new DailyReportRenderer().Render(ReportSamples.Realistic(50)).Html);
        var profile = Directory.CreateTempSubdirectory("report-chromium-");
        try
        {
            await ScreenshotAsync(page, png, profile.FullName);
        }
        finally
        {
            profile.Delete(recursive: true);
        }

        output.WriteLine($"screenshot: {png} ({new FileInfo(png).Length:N0} bytes)");
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(Height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.True(bytes.Length > 40_000, $"a {bytes.Length}-byte PNG of {Width}×{Height} is nearly uniform");
        Assert.True(DistinctPixelBytes(bytes) > 64, "the screenshot has almost no distinct colours: the page did not render");
    }

    private static async Task ScreenshotAsync(string page, string png, string profile)
    {
        var start = new ProcessStartInfo(Chromium.Executable!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                     "--disable-dev-shm-usage", "--disable-extensions", $"--user-data-dir={profile}", $"--screenshot={png}",
                     $"--window-size={Width},{Height}", new Uri(page).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish the screenshot within 60 s");
        }

        Assert.True(File.Exists(png), $"Chromium wrote no screenshot (exit {process.ExitCode}): {await stderr}{await stdout}");
    }

    /// <summary>How many distinct byte values the decompressed image data has (a blank page has a handful).</summary>
    private static int DistinctPixelBytes(byte[] png)
    {
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (png.AsSpan(offset + 4, 4).SequenceEqual("IDAT"u8))
            {
                idat.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var pixels = new ZLibStream(idat, CompressionMode.Decompress);
        var seen = new bool[256];
        var buffer = new byte[1 << 16];
        int read;
        while ((read = pixels.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                seen[buffer[i]] = true;
            }
        }

        return seen.Count(s => s);
    }
}
