using System.Text;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Server.Executions;

namespace StatesLanguage.Server.Console;

/// <summary>The console's per-state view of an execution as an HTML table: one row per state entry, in the order
/// entered, with its type, entry and exit times (UTC), duration, outcome, error and cause, and its input and output as
/// collapsed, pretty-printed JSON. Every text is escaped; style it with <see cref="Style"/>.</summary>
public static class StateHistoryTable
{
    public static string Render(IEnumerable<HistoryEvent> history) => Render(ExecutionTrace.From(history));

    public static string Render(IReadOnlyList<ExecutionEvent> events) => Render(ExecutionTrace.From(events));

    public static string Render(ExecutionTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var html = new StringBuilder("<table class=\"state-history\">\n<thead><tr><th>#</th><th>State</th><th>Type</th><th>Entered</th><th>Exited</th>")
            .Append("<th>Duration</th><th>Outcome</th><th>Error</th><th>Input / output</th></tr></thead>\n<tbody>\n");
        if (trace.Runs.Count == 0)
            html.Append("<tr><td colspan=\"9\" class=\"empty\">No state was entered.</td></tr>\n");
        var number = 0;
        foreach (var run in trace.Runs)
        {
            var outcome = ExecutionGraph.ClassOf(run.Outcome);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{outcome}\" data-state=\"").Append(HtmlText.Escape(run.StateName))
                .Append(CultureInfo.InvariantCulture, $"\"><td>{++number}</td><td class=\"name\">").Append(HtmlText.Escape(run.StateName))
                .Append("</td><td>").Append(HtmlText.Escape(run.StateType))
                .Append("</td><td class=\"time\">").Append(Time(run.Entered))
                .Append("</td><td class=\"time\">").Append(run.Exited is { } exited ? Time(exited) : "")
                .Append("</td><td class=\"time\">").Append(run.Duration is { } duration ? FormatDuration(duration) : "")
                .Append(CultureInfo.InvariantCulture, $"</td><td><span class=\"outcome {outcome}\">{ExecutionGraph.LabelOf(run.Outcome)}</span>");
            if (run.FailedAttempts > 0)
                html.Append(CultureInfo.InvariantCulture, $"<br><small>{run.FailedAttempts} failed attempt(s)</small>");
            html.Append("</td><td class=\"error\">");
            if (run.Error is not null)
                html.Append("<code>").Append(HtmlText.Escape(run.Error)).Append("</code>");
            if (run.Cause is not null)
                html.Append("<div class=\"cause\">").Append(HtmlText.Escape(run.Cause)).Append("</div>");
            html.Append("</td><td class=\"data\">").Append(JsonBlock.Details("Input", run.Input));
            if (run.Exited is not null)
                html.Append(JsonBlock.Details("Output", run.Output));
            html.Append("</td></tr>\n");
        }
        return html.Append("</tbody>\n</table>").ToString();
    }

    /// <summary>A duration as the console shows it: milliseconds under a second, then seconds, then minutes.</summary>
    public static string FormatDuration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        < 60 => $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
        < 3600 => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
        _ => $"{(int)duration.TotalHours} h {duration.Minutes} min",
    };

    /// <summary>An instant in UTC with milliseconds.</summary>
    public static string Time(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>CSS for the table and the JSON blocks, to put in the page's <c>&lt;style&gt;</c>.</summary>
    public const string Style = """
        table.state-history { border-collapse: collapse; width: 100%; font-size: 13px; }
        table.state-history th, table.state-history td { border-bottom: 1px solid #d5dbdb; padding: 6px 8px; text-align: left; vertical-align: top; }
        table.state-history th { background: #f2f3f3; }
        table.state-history td.name { font-weight: 600; word-break: break-all; }
        table.state-history td.time { white-space: nowrap; }
        table.state-history td.error { max-width: 320px; word-break: break-word; }
        table.state-history .cause { color: #545b64; font-size: 12px; white-space: pre-wrap; }
        .outcome { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; white-space: nowrap; border: 1px solid; }
        .outcome.succeeded { background: #e3f4e1; border-color: #1d8102; color: #1d5a0c; }
        .outcome.failed { background: #fde3df; border-color: #d13212; color: #8d1a06; }
        .outcome.caught { background: #fff1de; border-color: #ec7211; color: #8a4200; }
        .outcome.in-progress { background: #e1effb; border-color: #0073bb; color: #00487a; }
        .outcome.not-run, .outcome.aborted { background: #f2f3f3; border-color: #aab7b8; color: #545b64; }
        details.json summary { cursor: pointer; color: #0073bb; }
        pre.json { background: #fafafa; border: 1px solid #eaeded; padding: 8px; max-height: 360px; overflow: auto; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
        """;
}
