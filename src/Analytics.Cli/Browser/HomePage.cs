using System.Globalization;
using System.Text;
using StatesLanguage.Server.Console;

namespace Analytics.Cli.Browser;

/// <summary>The browser's home page (<see cref="BrowserLinks.Home"/>): every analysed day, newest first, with its
/// headline, status (and a stale mark when data changed after the analysis), and links to its page, report and
/// execution.</summary>
internal static class HomePage
{
    public const string Title = "Days analysed";

    public static string Render(IReadOnlyList<DaySummary> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var html = new StringBuilder();
        if (days.Count == 0)
        {
            html.Append("<p class=\"empty\">No day has been analysed yet: run <code>analytics daily</code>.</p>");
            return BrowserLayout.Render(Title, html.ToString());
        }

        var stale = days.Count(d => d.Stale is not null);
        if (stale > 0)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"notice stale\"><strong>{stale} day(s) stale:</strong> data changed after their analysis; analyse them again.</p>\n");
        }

        html.Append("<table class=\"list days\">\n<thead><tr><th>Date</th><th>Headline</th><th>Status</th><th>Report</th><th>Execution</th></tr></thead>\n<tbody>\n");
        foreach (var day in days.OrderByDescending(d => d.Date))
        {
            var date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<tr data-day=\"{date}\" class=\"{(day.Stale is null ? "" : "stale")}\">")
                .Append("<td>").Append(BrowserLayout.Link(BrowserLinks.Day(day.Date), date)).Append("</td>")
                .Append("<td class=\"headline\">").Append(HtmlText.Escape(day.Headline ?? "")).Append("</td>")
                .Append("<td>").Append(RunStatusText.Badge(day.Status));
            if (day.Stale is { } mark)
            {
                html.Append(BrowserLayout.StaleBadge(mark));
            }

            html.Append("</td><td>").Append(day.HasReport ? BrowserLayout.Link(BrowserLinks.DayReport(day.Date), "report") : "–")
                .Append("</td><td>").Append(day.ExecutionName is { } name ? BrowserLayout.Link(BrowserLinks.Execution(name), name) : "–")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>");
        return BrowserLayout.Render(Title, html.ToString());
    }
}
