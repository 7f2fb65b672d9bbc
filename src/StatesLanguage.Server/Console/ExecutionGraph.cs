using System.Text;
using StatesLanguage.Definition;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Server.Executions;

namespace StatesLanguage.Server.Console;

/// <summary>
/// Draws a state machine as inline SVG, each state coloured by how it fared in one execution, as the Step Functions
/// console does: succeeded green, failed red, caught orange, in progress blue, not run grey (aborted: grey, dashed).
/// States are boxes laid out top to bottom along the transitions (<see cref="GraphLayout"/>); Parallel branches and the
/// Map item processor are drawn inside their state's box. Every state is a <c>&lt;g class="state OUTCOME"
/// data-state="NAME" data-type="TYPE" data-outcome="OUTCOME"&gt;</c> with a <c>&lt;title&gt;</c> tooltip (type,
/// outcome, error). All text is escaped; the output depends only on the definition and the history.
/// </summary>
public static partial class ExecutionGraph
{
    private const double Margin = 20, StartZone = 50, EndZone = 50, LoopRoom = 80, LeftRoom = 30, LegendZone = 34, MarkerRadius = 9;

    public static string Render(StateMachineDefinition machine, IEnumerable<HistoryEvent> history) =>
        Render(machine, ExecutionTrace.From(history));

    public static string Render(StateMachineDefinition machine, IReadOnlyList<ExecutionEvent> events) =>
        Render(machine, ExecutionTrace.From(events));

    public static string Render(StateMachineDefinition machine, ExecutionTrace trace)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(trace);
        var layout = GraphLayout.Of(machine);
        var legendWidth = Legend.Sum(l => LegendItemWidth(l.Label));
        var width = Margin + LeftRoom + Math.Max(layout.Width + LoopRoom, legendWidth) + Margin;
        var top = Margin + StartZone;
        var left = Margin + LeftRoom + Math.Max(0, (width - 2 * Margin - LeftRoom - LoopRoom - layout.Width) / 2);
        var endY = top + layout.Height + EndZone;
        var height = endY + MarkerRadius + Margin + LegendZone;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" class="execution-graph" width="{N(width)}" height="{N(height)}" viewBox="0 0 {N(width)} {N(height)}" role="img" aria-label="State machine graph">""")
           .Append('\n').Append(Style).Append('\n').Append(Defs).Append('\n');

        var centre = left + layout.Width / 2;
        var start = layout.Nodes.FirstOrDefault(n => n.Name == machine.StartAt);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<g class="marker start-marker"><circle cx="{N(centre)}" cy="{N(Margin + MarkerRadius)}" r="{N(MarkerRadius)}"/><text x="{N(centre + 16)}" y="{N(Margin + MarkerRadius)}">Start</text></g>""").Append('\n');
        if (start is not null)
            Line(svg, "edge start", centre, Margin + 2 * MarkerRadius, left + start.X + start.Width / 2, top + start.Y);

        RenderScope(svg, layout, left, top, trace);

        var lastLayer = layout.Nodes.Count == 0 ? 0 : layout.Nodes.Max(n => n.Layer);
        foreach (var node in layout.Nodes.Where(n => GraphLayout.IsTerminal(n.State)))
        {
            if (node.Layer == lastLayer)
            {
                Line(svg, "edge end", left + node.X + node.Width / 2, top + node.Y + node.Height, centre, endY - MarkerRadius);
                continue;
            }
            // An early end goes round the left side to the end marker rather than through the states below it.
            var (sx, sy) = (left + node.X, top + node.Y + node.Height / 2);
            var bend = left - LeftRoom + 6;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<path class="edge end" d="M{N(sx)},{N(sy)} C{N(bend)},{N(sy)} {N(bend)},{N(endY)} {N(centre - MarkerRadius - 2)},{N(endY)}" marker-end="url(#sfn-arrow)"/>""").Append('\n');
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"""<g class="marker end-marker"><circle cx="{N(centre)}" cy="{N(endY)}" r="{N(MarkerRadius)}"/><circle class="inner" cx="{N(centre)}" cy="{N(endY)}" r="{N(MarkerRadius - 4)}"/><text x="{N(centre + 16)}" y="{N(endY)}">End</text></g>""").Append('\n');

        RenderLegend(svg, Margin, height - Margin - LegendZone / 2);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The CSS class (and <c>data-outcome</c>) of an outcome.</summary>
    public static string ClassOf(StateRunOutcome outcome) => outcome switch
    {
        StateRunOutcome.Succeeded => "succeeded",
        StateRunOutcome.Failed => "failed",
        StateRunOutcome.Caught => "caught",
        StateRunOutcome.InProgress => "in-progress",
        StateRunOutcome.Aborted => "aborted",
        _ => "not-run",
    };

    /// <summary>How the console words an outcome.</summary>
    public static string LabelOf(StateRunOutcome outcome) => outcome switch
    {
        StateRunOutcome.Succeeded => "Succeeded",
        StateRunOutcome.Failed => "Failed",
        StateRunOutcome.Caught => "Caught error",
        StateRunOutcome.InProgress => "In progress",
        StateRunOutcome.Aborted => "Aborted",
        _ => "Not run",
    };

    private static void RenderScope(StringBuilder svg, GraphLayout layout, double left, double top, ExecutionTrace trace)
    {
        foreach (var edge in layout.Edges)
            RenderEdge(svg, edge, left, top);
        foreach (var node in layout.Nodes)
        {
            var outcome = trace.OutcomeOf(node.Name);
            var x = left + node.X;
            var y = top + node.Y;
            var group = node.Children.Count > 0;
            svg.Append("<g class=\"state").Append(group ? " group " : " ").Append(ClassOf(outcome)).Append("\" data-state=\"");
            HtmlText.Append(svg, node.Name).Append("\" data-type=\"").Append(node.State.Type).Append("\" data-outcome=\"").Append(ClassOf(outcome)).Append("\">");
            svg.Append("<title>");
            HtmlText.Append(svg, Tooltip(node.State, outcome, trace)).Append("</title>");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect class="box" x="{N(x)}" y="{N(y)}" width="{N(node.Width)}" height="{N(node.Height)}" rx="6"/>""");
            if (group)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="label group-label" x="{N(x + GraphLayout.GroupPadding)}" y="{N(y + GraphLayout.GroupHeader / 2 + 2)}">""");
                HtmlText.Append(svg, GraphLayout.Fit(GraphLayout.GroupLabel(node.State), node.Width - GraphLayout.GroupPadding)).Append("</text></g>\n");
                RenderChildren(svg, node, x, y, trace);
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="label" x="{N(x + node.Width / 2)}" y="{N(y + node.Height / 2)}" text-anchor="middle">""");
                HtmlText.Append(svg, GraphLayout.Fit(node.Name, node.Width)).Append("</text></g>\n");
            }
        }
    }

    private static void RenderChildren(StringBuilder svg, GraphNode node, double x, double y, ExecutionTrace trace)
    {
        var inner = node.Children.Sum(c => c.Width) + GraphLayout.BranchGap * (node.Children.Count - 1);
        var childX = x + GraphLayout.GroupPadding + (node.Width - 2 * GraphLayout.GroupPadding - inner) / 2;
        var childY = y + GraphLayout.GroupHeader;
        foreach (var child in node.Children)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect class="branch" x="{N(childX - 6)}" y="{N(childY - 6)}" width="{N(child.Width + 12)}" height="{N(child.Height + 12)}" rx="4"/>""").Append('\n');
            RenderScope(svg, child, childX, childY, trace);
            childX += child.Width + GraphLayout.BranchGap;
        }
    }

    private static void RenderEdge(StringBuilder svg, GraphEdge edge, double left, double top)
    {
        var kind = edge.Kind switch
        {
            GraphEdgeKind.Catch => "edge catch",
            GraphEdgeKind.Choice => "edge choice",
            GraphEdgeKind.Default => "edge default",
            _ => "edge",
        };
        var from = edge.From;
        var to = edge.To;
        var span = to.Layer - from.Layer;
        if (!edge.Upward && span <= 1)
        {
            Line(svg, kind, left + from.X + from.Width / 2, top + from.Y + from.Height, left + to.X + to.Width / 2, top + to.Y);
            return;
        }
        // Loops and transitions that skip layers go around the right side rather than through the boxes between.
        var sx = left + from.X + from.Width;
        var sy = top + from.Y + from.Height / 2;
        var tx = left + to.X + to.Width;
        var ty = top + to.Y + to.Height / 2;
        var bulge = Math.Max(sx, tx) + 24 + 6 * Math.Min(Math.Abs(span), 6);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<path class="{kind} {(edge.Upward ? "loop" : "skip")}" d="M{N(sx)},{N(sy)} C{N(bulge)},{N(sy)} {N(bulge)},{N(ty)} {N(tx + 2)},{N(ty)}" marker-end="url(#sfn-arrow)"/>""").Append('\n');
    }

    private static void Line(StringBuilder svg, string cssClass, double sx, double sy, double tx, double ty)
    {
        var middle = (sy + ty) / 2;
        svg.Append(CultureInfo.InvariantCulture,
            $"""<path class="{cssClass}" d="M{N(sx)},{N(sy)} C{N(sx)},{N(middle)} {N(tx)},{N(middle)} {N(tx)},{N(ty - 2)}" marker-end="url(#sfn-arrow)"/>""").Append('\n');
    }

    private static string Tooltip(StateDefinition state, StateRunOutcome outcome, ExecutionTrace trace)
    {
        var text = new StringBuilder(state.Name).Append('\n').Append("Type: ").Append(state.Type).Append('\n').Append("Outcome: ").Append(LabelOf(outcome));
        var runs = trace.RunsOf(state.Name).ToList();
        if (runs.Count > 1)
            text.Append(CultureInfo.InvariantCulture, $"\nRuns: {runs.Count}");
        var failedAttempts = runs.Sum(r => r.FailedAttempts);
        if (failedAttempts > 0)
            text.Append(CultureInfo.InvariantCulture, $"\nFailed attempts: {failedAttempts}");
        if (runs.LastOrDefault(r => r.Outcome == outcome && r.Error is not null) is { } failed)
        {
            text.Append("\nError: ").Append(failed.Error);
            if (failed.Cause is { } cause)
                text.Append("\nCause: ").Append(cause.Length > 300 ? string.Concat(cause.AsSpan(0, 299), "…") : cause);
        }
        return text.ToString();
    }

    private static readonly (StateRunOutcome Outcome, string Label)[] Legend =
        [.. new[] { StateRunOutcome.Succeeded, StateRunOutcome.Failed, StateRunOutcome.Caught, StateRunOutcome.InProgress, StateRunOutcome.NotRun, StateRunOutcome.Aborted }
            .Select(o => (o, LabelOf(o)))];

    private static double LegendItemWidth(string label) => 40 + label.Length * 7.5;

    private static void RenderLegend(StringBuilder svg, double x, double y)
    {
        svg.Append("<g class=\"legend\">");
        foreach (var (outcome, label) in Legend)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<g class="state-key {ClassOf(outcome)}"><rect class="box" x="{N(x)}" y="{N(y - 7)}" width="14" height="14" rx="3"/><text x="{N(x + 20)}" y="{N(y)}">{label}</text></g>""");
            x += LegendItemWidth(label);
        }
        svg.Append("</g>\n");
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
