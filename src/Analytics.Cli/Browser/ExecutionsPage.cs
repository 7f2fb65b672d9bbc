using System.Globalization;
using System.Text;
using StatesLanguage.Server.Console;

namespace Analytics.Cli.Browser;

/// <summary>The executions list (<see cref="BrowserLinks.Executions"/>): newest first, with machine, status, start,
/// stop, duration and the stale mark of analyses whose data changed since.</summary>
internal static class ExecutionsPage
{
    public const string Title = "Executions";

    public static string Render(IReadOnlyList<ExecutionSummary> executions)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var html = new StringBuilder();
        if (executions.Count == 0)
        {
            html.Append("<p class=\"empty\">No execution yet.</p>");
            return BrowserLayout.Render(Title, html.ToString());
        }

        html.Append("<table class=\"list executions\">\n<thead><tr><th>Name</th><th>State machine</th><th>Status</th><th>Started</th><th>Stopped</th><th>Duration</th><th>Day</th></tr></thead>\n<tbody>\n");
        foreach (var execution in executions.OrderByDescending(e => e.Start).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            html.Append("<tr data-execution=\"").Append(HtmlText.Escape(execution.Name)).Append("\">")
                .Append("<td>").Append(BrowserLayout.Link(BrowserLinks.Execution(execution.Name), execution.Name)).Append("</td>")
                .Append("<td>").Append(HtmlText.Escape(execution.StateMachine)).Append("</td>")
                .Append("<td>").Append(RunStatusText.Badge(execution.Status));
            if (execution.Stale is { } stale)
            {
                html.Append(BrowserLayout.StaleBadge(stale));
            }

            html.Append("</td><td>").Append(BrowserLayout.Time(execution.Start))
                .Append("</td><td>").Append(BrowserLayout.Time(execution.Stop))
                .Append("</td><td>").Append(execution is { Start: { } start, Stop: { } stop } ? StateHistoryTable.FormatDuration(stop - start) : "")
                .Append("</td><td>").Append(execution.Day is { } day ? BrowserLayout.Link(BrowserLinks.Day(day), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : "")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>");
        return BrowserLayout.Render(Title, html.ToString());
    }
}
