namespace Analytics.Cli.Browser;

/// <summary>The report browser's CSS, inlined in every page.</summary>
internal static class BrowserStyles
{
    public const string Css = """
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #16191f; background: #f2f3f3; }
        header.top { display: flex; gap: 24px; align-items: center; background: #232f3e; color: #ffffff; padding: 10px 24px; }
        header.top .product { font-weight: 700; }
        header.top nav a { color: #ffffff; margin-right: 16px; text-decoration: none; }
        main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 22px; word-break: break-word; }
        h2 { font-size: 17px; margin-top: 28px; }
        section.panel { background: #ffffff; border: 1px solid #d5dbdb; border-radius: 6px; padding: 12px 16px; margin: 16px 0; overflow-x: auto; }
        table.list { border-collapse: collapse; width: 100%; background: #ffffff; font-size: 14px; }
        table.list th, table.list td { border-bottom: 1px solid #d5dbdb; padding: 8px 10px; text-align: left; vertical-align: top; }
        table.list th { background: #fafafa; }
        table.list td.headline { word-break: break-word; }
        a { color: #0073bb; }
        .badge { display: inline-block; padding: 2px 10px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid; white-space: nowrap; }
        .status-succeeded { background: #e3f4e1; border-color: #1d8102; color: #1d5a0c; }
        .status-failed, .status-timed-out { background: #fde3df; border-color: #d13212; color: #8d1a06; }
        .status-running { background: #e1effb; border-color: #0073bb; color: #00487a; }
        .status-aborted { background: #f2f3f3; border-color: #687078; color: #545b64; }
        .badge.stale { background: #fff8c5; border-color: #b58b00; color: #6b5200; margin-left: 6px; }
        p.notice.stale { background: #fff8c5; border: 1px solid #b58b00; border-radius: 6px; padding: 10px 14px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
        dl.facts dt { color: #545b64; }
        dl.facts dd { margin: 0; word-break: break-word; }
        .error-box { background: #fde3df; border: 1px solid #d13212; border-radius: 6px; padding: 10px 14px; white-space: pre-wrap; word-break: break-word; }
        iframe.report { width: 100%; height: 1400px; border: 1px solid #d5dbdb; border-radius: 6px; background: #ffffff; }
        .graph svg { max-width: 100%; height: auto; }
        .empty { color: #545b64; font-style: italic; }
        """;
}
