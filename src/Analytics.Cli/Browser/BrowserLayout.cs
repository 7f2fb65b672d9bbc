using System.Globalization;
using System.Text;
using StatesLanguage.Server.Console;

namespace Analytics.Cli.Browser;

/// <summary>The frame of every page of the report browser: document head with the inline styles, the navigation and
/// the page's body. Server-rendered HTML only: no script.</summary>
internal static class BrowserLayout
{
    public const string ProductName = "Retail analytics";

    /// <param name="title">Plain text (escaped here).</param>
    /// <param name="body">HTML, already escaped by the page.</param>
    public static string Render(string title, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(title)).Append(" · ").Append(ProductName).Append("</title>\n")
            .Append("<style>\n").Append(BrowserStyles.Css).Append('\n').Append(StateHistoryTable.Style).Append("\n</style>\n</head>\n<body>\n")
            .Append("<header class=\"top\"><span class=\"product\">").Append(ProductName).Append("</span><nav>")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{BrowserLinks.Home}\">Days</a><a href=\"{BrowserLinks.Executions}\">Executions</a>")
            .Append("</nav></header>\n<main>\n<h1>").Append(HtmlText.Escape(title)).Append("</h1>\n")
            .Append(body)
            .Append("\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>An <c>&lt;a&gt;</c> with an escaped address and text.</summary>
    public static string Link(string url, string text) => $"<a href=\"{HtmlText.Escape(url)}\">{HtmlText.Escape(text)}</a>";

    /// <summary>The "stale" badge, its tooltip saying when and for which stores the data changed.</summary>
    public static string StaleBadge(StaleMark stale)
    {
        var stores = stale.StoreIds.Count == 0 ? "" : $" for {string.Join(", ", stale.StoreIds)}";
        var tooltip = $"Data corrected at {StateHistoryTable.Time(stale.CorrectedAt)}{stores}, after this analysis: run it again.";
        return $"<span class=\"badge stale\" title=\"{HtmlText.Escape(tooltip)}\">stale</span>";
    }

    /// <summary>A sentence explaining a stale mark, shown on the day's and the execution's pages.</summary>
    public static string StaleNotice(StaleMark stale)
    {
        var stores = stale.StoreIds.Count == 0 ? "" : $" ({stale.StoreIds.Count} store(s): {string.Join(", ", stale.StoreIds)})";
        return "<p class=\"notice stale\"><strong>Stale.</strong> " +
               HtmlText.Escape($"A correction changed this day's data at {StateHistoryTable.Time(stale.CorrectedAt)}{stores}, after the analysis ran; its figures may be out of date until the day is analysed again.") +
               "</p>";
    }

    /// <summary>An optional instant, or a dash.</summary>
    public static string Time(DateTimeOffset? instant) => instant is { } value ? StateHistoryTable.Time(value) : "–";

    public static string Size(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).Value.ToString("0.#", CultureInfo.InvariantCulture)} KiB",
        _ => $"{(bytes / (1024.0 * 1024)).Value.ToString("0.#", CultureInfo.InvariantCulture)} MiB",
    };
}
