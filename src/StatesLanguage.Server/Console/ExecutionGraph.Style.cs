namespace StatesLanguage.Server.Console;

public static partial class ExecutionGraph
{
    /// <summary>The graph's own styles, inside the SVG so that it renders the same wherever it is embedded.</summary>
    private const string Style = """
        <style>
        .execution-graph { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 13px; }
        .execution-graph text { fill: #16191f; dominant-baseline: central; }
        .execution-graph .box { stroke-width: 2; }
        .execution-graph .state.succeeded .box, .execution-graph .state-key.succeeded .box { fill: #e3f4e1; stroke: #1d8102; }
        .execution-graph .state.failed .box, .execution-graph .state-key.failed .box { fill: #fde3df; stroke: #d13212; }
        .execution-graph .state.caught .box, .execution-graph .state-key.caught .box { fill: #fff1de; stroke: #ec7211; }
        .execution-graph .state.in-progress .box, .execution-graph .state-key.in-progress .box { fill: #e1effb; stroke: #0073bb; }
        .execution-graph .state.not-run .box, .execution-graph .state-key.not-run .box { fill: #f2f3f3; stroke: #aab7b8; }
        .execution-graph .state.aborted .box, .execution-graph .state-key.aborted .box { fill: #f2f3f3; stroke: #687078; stroke-dasharray: 5 3; }
        .execution-graph .state.not-run text { fill: #687078; }
        .execution-graph .state.group .box { fill-opacity: 0.45; }
        .execution-graph .group-label { font-weight: 600; }
        .execution-graph .branch { fill: #ffffff; fill-opacity: 0.7; stroke: #d5dbdb; stroke-dasharray: 3 3; }
        .execution-graph .edge { fill: none; stroke: #545b64; stroke-width: 1.4; }
        .execution-graph .edge.catch { stroke: #ec7211; stroke-dasharray: 6 4; }
        .execution-graph .edge.default { stroke-dasharray: 2 3; }
        .execution-graph .marker circle { fill: #545b64; }
        .execution-graph .marker circle.inner { fill: #ffffff; }
        </style>
        """;

    private const string Defs = """
        <defs><marker id="sfn-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#545b64"/></marker></defs>
        """;
}
