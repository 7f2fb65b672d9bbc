namespace Analytics.Domain.Reporting;

/// <summary>The page's only style sheet, inline: system fonts, a single column that narrows on phones, tiles and
/// badges coloured by severity and direction, and print rules that keep charts and table rows whole.</summary>
internal static class HtmlStyle
{
    public const string Css =
        ":root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--down:#b2182b;--up:#1a7f37}" +
        "*{box-sizing:border-box}" +
        "body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:var(--fg);background:#f6f8fa}" +
        "main{max-width:1100px;margin:0 auto;padding:16px 20px;background:#fff}" +
        "h1{font-size:1.5em;margin:.2em 0}h1 .date{color:var(--muted);font-weight:400}" +
        "h2{font-size:1.2em;border-bottom:1px solid var(--line);padding-bottom:4px;margin:1.6em 0 .6em}" +
        ".meta,.small,figcaption,.more{color:var(--muted);font-size:.85em}" +
        ".model-review{border-left:4px solid #8250df;padding:2px 12px;margin:8px 0}" +
        ".note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px}" +
        ".alert{background:#ffebe9;border:1px solid #ff8182;border-radius:6px;padding:8px 12px}" +
        ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:10px}" +
        ".card{border:1px solid var(--line);border-radius:8px;padding:10px 12px}" +
        ".card .label{color:var(--muted);font-size:.85em}.card .value{font-size:1.35em;font-weight:600;overflow-wrap:anywhere}" +
        ".card ul{list-style:none;padding:0;margin:6px 0 0;font-size:.82em}.was{color:var(--muted)}" +
        ".up{color:var(--up)}.down{color:var(--down)}" +
        ".scroll{overflow-x:auto;margin:.4em 0}" +
        "table{border-collapse:collapse;width:100%;font-size:.88em}" +
        "caption{text-align:left;font-weight:600;padding:6px 0}" +
        "th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}" +
        "th{background:#f6f8fa}td{overflow-wrap:break-word}" +
        "th.n,td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}th.w,td.w{min-width:16em}" +
        "ul.facts{padding-left:1.2em}ul.findings{padding-left:1.2em}ul.findings>li{margin:6px 0}ul.findings ul{margin:2px 0;font-size:.9em}" +
        ".badge{display:inline-block;padding:1px 7px;border-radius:10px;font-size:.78em;font-weight:600;color:#fff;white-space:nowrap;vertical-align:middle}" +
        ".stats{background:#0969da}.model{background:#8250df}.failed,.p-high{background:#b2182b}.ok{background:#1a7f37}" +
        ".p-medium{background:#bc4c00}.p-low{background:#6e7781}" +
        ".t-hd{background:#b2182b;fill:#b2182b}.t-md{background:#f4a582;fill:#f4a582;color:#1f2328}.t-n{background:#d0d7de;fill:#d0d7de;color:#1f2328}" +
        ".t-ms{background:#a6dba0;fill:#a6dba0;color:#1f2328}.t-hs{background:#1a7f37;fill:#1a7f37}.t-x{background:#40004b;fill:#40004b}" +
        "figure{margin:12px 0}svg{max-width:100%;height:auto;display:block}#revenue-trend,#category-mix{width:100%}" +
        "svg text{font-family:system-ui,'DejaVu Sans',Arial,sans-serif;fill:#1f2328}" +
        ".legend{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:.85em;margin:6px 0;padding:0;list-style:none}" +
        ".legend .sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}" +
        "footer{margin-top:2em;border-top:1px solid var(--line);color:var(--muted);font-size:.85em}" +
        "@media (max-width:600px){body{font-size:14px}main{padding:10px}}" +
        "@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}.scroll{overflow:visible}" +
        "figure,tr,.card{break-inside:avoid}h2{break-after:avoid}.badge,.sw,rect{print-color-adjust:exact;-webkit-print-color-adjust:exact}}";
}
