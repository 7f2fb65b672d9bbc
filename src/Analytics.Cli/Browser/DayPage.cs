using System.Globalization;
using System.Text;
using StatesLanguage.Server.Console;

namespace Analytics.Cli.Browser;

/// <summary>A day's page (<see cref="BrowserLinks.Day"/>): status and headline, the stale notice, the HTML report
/// embedded (an <c>&lt;iframe&gt;</c> sandboxed without scripts, with a link to open it alone) and the day's files.</summary>
internal static class DayPage
{
    public static string Render(DayPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var day = model.Day;
        var date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        if (day.Stale is { } stale)
        {
            html.Append(BrowserLayout.StaleNotice(stale)).Append('\n');
        }

        html.Append("<section class=\"panel\"><dl class=\"facts\">")
            .Append("<dt>Status</dt><dd>").Append(RunStatusText.Badge(day.Status)).Append(day.Stale is { } mark ? BrowserLayout.StaleBadge(mark) : "").Append("</dd>")
            .Append("<dt>Headline</dt><dd>").Append(HtmlText.Escape(day.Headline ?? "–")).Append("</dd>")
            .Append("<dt>Execution</dt><dd>").Append(day.ExecutionName is { } name ? BrowserLayout.Link(BrowserLinks.Execution(name), name) : "–").Append("</dd>")
            .Append("</dl></section>\n");

        html.Append("<h2>Report</h2>\n");
        if (model.ReportUrl is { } report)
        {
            var url = HtmlText.Escape(report);
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{url}\">Open the report on its own</a></p>\n")
                .Append(CultureInfo.InvariantCulture, $"<iframe class=\"report\" src=\"{url}\" title=\"Daily report of {date}\" sandbox=\"allow-same-origin\"></iframe>\n");
        }
        else
        {
            html.Append("<p class=\"empty\">This day has no HTML report.</p>\n");
        }

        html.Append("<h2>Files</h2>\n<section class=\"panel\">").Append(FileList.Render(model.Files)).Append("</section>");
        return BrowserLayout.Render($"Day {date}", html.ToString());
    }
}
