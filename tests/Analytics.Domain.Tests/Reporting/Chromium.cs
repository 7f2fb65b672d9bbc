namespace Analytics.Domain.Tests.Reporting;

/// <summary>Finds a Chromium (or Chrome) executable on the PATH for the screenshot test; CI installs one (.ci/run).</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    public static string? Executable { get; } = Find();

    public const string SkipReason = "Chromium is not installed (none of chromium, chromium-browser, google-chrome on the PATH): " +
                                     "the report screenshot test is skipped. Install it with `apt-get install -y chromium`, as .ci/run does.";

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
        if (Chromium.Executable is null)
        {
            Skip = Chromium.SkipReason;
        }
    }
}
