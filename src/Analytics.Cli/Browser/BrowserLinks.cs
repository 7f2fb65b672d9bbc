using System.Globalization;

namespace Analytics.Cli.Browser;

/// <summary>
/// The report browser's addresses, declared once: the pages link with these and the host maps the same paths.
/// Path segments taken from data (execution names, bucket keys) are percent-encoded.
/// </summary>
internal static class BrowserLinks
{
    public const string Home = "/";
    public const string Executions = "/executions";

    /// <summary><c>/days/{yyyy-MM-dd}</c>: a day's page.</summary>
    public static string Day(DateOnly date) => $"/days/{Iso(date)}";

    /// <summary><c>/days/{yyyy-MM-dd}/report</c>: the day's HTML report itself (embedded by the day's page).</summary>
    public static string DayReport(DateOnly date) => $"/days/{Iso(date)}/report";

    /// <summary><c>/executions/{name}</c>: one execution's page.</summary>
    public static string Execution(string name) => $"{Executions}/{Uri.EscapeDataString(name)}";

    /// <summary><c>/files/{key}</c>: a file of the local bucket (an export, a report), each segment of the key encoded.</summary>
    public static string File(string bucketKey) =>
        "/files/" + string.Join('/', bucketKey.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
