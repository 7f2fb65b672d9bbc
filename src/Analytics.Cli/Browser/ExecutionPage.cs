using System.Globalization;
using System.Text;
using StatesLanguage.Server.Console;

namespace Analytics.Cli.Browser;

/// <summary>An execution's page (<see cref="BrowserLinks.Execution"/>): its facts, error, the graph of its machine
/// coloured by outcome, the state-by-state history, its input and output, and the files it produced.</summary>
internal static class ExecutionPage
{
    public static string Render(ExecutionPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var execution = model.Execution;
        var trace = ExecutionTrace.From(model.Events);
        var html = new StringBuilder();
        if (execution.Stale is { } stale)
        {
            html.Append(BrowserLayout.StaleNotice(stale)).Append('\n');
        }

        html.Append("<section class=\"panel\"><dl class=\"facts\">")
            .Append("<dt>State machine</dt><dd>").Append(HtmlText.Escape(execution.StateMachine)).Append("</dd>")
            .Append("<dt>Status</dt><dd>").Append(RunStatusText.Badge(execution.Status)).Append("</dd>")
            .Append("<dt>Started</dt><dd>").Append(BrowserLayout.Time(execution.Start)).Append("</dd>")
            .Append("<dt>Stopped</dt><dd>").Append(BrowserLayout.Time(execution.Stop)).Append("</dd>");
        if (execution is { Start: { } start, Stop: { } stop })
        {
            html.Append("<dt>Duration</dt><dd>").Append(StateHistoryTable.FormatDuration(stop - start)).Append("</dd>");
        }

        if (execution.Day is { } day)
        {
            html.Append("<dt>Day</dt><dd>").Append(BrowserLayout.Link(BrowserLinks.Day(day), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</dd>");
        }

        html.Append("</dl></section>\n");
        if (model.Error is not null || model.Cause is not null)
        {
            html.Append("<div class=\"error-box\"><strong>").Append(HtmlText.Escape(model.Error ?? "Error")).Append("</strong>");
            if (model.Cause is { } cause)
            {
                html.Append('\n').Append(HtmlText.Escape(cause));
            }

            html.Append("</div>\n");
        }

        html.Append("<h2>Graph</h2>\n<section class=\"panel graph\">")
            .Append(model.Definition is { } definition
                ? ExecutionGraph.Render(definition, trace)
                : "<p class=\"empty\">The definition of this state machine is not known: no graph.</p>")
            .Append("</section>\n");
        html.Append("<h2>State history</h2>\n<section class=\"panel\">").Append(StateHistoryTable.Render(trace)).Append("</section>\n");
        html.Append("<h2>Input and output</h2>\n<section class=\"panel\">").Append(JsonBlock.Details("Execution input", model.Input, open: true));
        if (execution.Status == RunStatus.Succeeded)
        {
            html.Append(JsonBlock.Details("Execution output", model.Output, open: true));
        }

        html.Append("</section>\n<h2>Files</h2>\n<section class=\"panel\">").Append(FileList.Render(model.Files)).Append("</section>");
        return BrowserLayout.Render($"Execution {execution.Name}", html.ToString());
    }
}
