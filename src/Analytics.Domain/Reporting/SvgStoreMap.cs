using System.Text;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The "store map" of anomalies. The data has no store locations, so it is a grid of tiles, one per store in
/// store-id order (a store keeps its place from day to day): every trading store, and every store that made no sales
/// although it usually trades. A tile is coloured by the store's most severe anomaly (red shades for drops, green for
/// surges, dark for no upload yet, grey for none) and its <c>title</c> names the store and the finding. Tiles shrink as the
/// chain grows (28 to 6 units wide), so 10,000 stores stay one screen and about a megabyte.
/// </summary>
internal static class SvgStoreMap
{
    private const double Width = 800, TargetHeight = 600, MaxTile = 28, MinTile = 6;

    /// <summary>The states a tile can show, with their CSS class (page style sheet) and legend label.</summary>
    private static readonly (string Css, string Label)[] States =
    [
        ("t-x", "no upload yet"), ("t-hd", "high drop"), ("t-md", "medium drop"), ("t-n", "no anomaly"), ("t-ms", "medium surge"), ("t-hs", "high surge"),
    ];

    /// <summary>The tile and badge class of an anomaly: its severity and direction.</summary>
    public static string CssClass(Anomaly anomaly) => anomaly.Metric == AnomalyMetric.NoSales ? "t-x"
        : ReportWords.IsSurge(anomaly) ? anomaly.Severity == AnomalySeverity.High ? "t-hs" : "t-ms"
        : anomaly.Severity == AnomalySeverity.High ? "t-hd" : "t-md";

    public static void Write(StringBuilder html, IReadOnlyList<StoreRank> ranking, IReadOnlyList<Anomaly> anomalies, string currency)
    {
        // Anomalies are ranked most severe first, so a store's first anomaly is the one its tile shows. The map is of
        // sales: a return-rate rise is no surge of a store, so it does not colour a tile (it is in the list).
        var worst = new Dictionary<string, Anomaly>(StringComparer.Ordinal);
        foreach (var anomaly in anomalies.Where(a => a.Subject == AnomalySubject.Store && a.Metric != AnomalyMetric.ReturnRate))
        {
            worst.TryAdd(anomaly.SubjectId, anomaly);
        }

        var ranks = new Dictionary<string, StoreRank>(StringComparer.Ordinal);
        foreach (var store in ranking)
        {
            ranks.TryAdd(store.StoreId, store);
        }

        List<string> stores = [.. ranks.Keys.Union(worst.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var count = Math.Max(1, stores.Count);
        var tile = Math.Clamp(Math.Floor(Math.Sqrt(Width * TargetHeight / count)), MinTile, MaxTile);
        var columns = Math.Max(1, Math.Min(count, (int)Math.Floor(Width / tile)));
        var rows = (count + columns - 1) / columns;
        var gap = tile >= 12 ? 2 : 1;
        var size = Svg.N(tile - gap);
        var counts = States.ToDictionary(s => s.Css, _ => 0, StringComparer.Ordinal);
        var tiles = new StringBuilder(stores.Count * 110);
        for (var i = 0; i < stores.Count; i++)
        {
            var id = stores[i];
            var anomaly = worst.GetValueOrDefault(id);
            var css = anomaly is null ? "t-n" : CssClass(anomaly);
            counts[css]++;
            tiles.Append("<rect x=\"").Append(Svg.N(i % columns * tile)).Append("\" y=\"").Append(Svg.N(i / columns * tile)).Append("\" width=\"").Append(size).Append("\" height=\"").Append(size).Append("\" class=\"").Append(css)
                .Append("\"><title>").Append(Tooltip(id, ranks.GetValueOrDefault(id), anomaly, currency)).Append("</title></rect>");
        }

        var summary = string.Join(", ", States.Select(s => $"{ReportFormat.Integer(counts[s.Css])} {s.Label}"));
        Svg.Open(html, "store-map", columns * tile, rows * tile, $"Store map of anomalies, {ReportFormat.Integer(stores.Count)} stores", $"Stores: {summary}.");
        html.Append("<g>").Append(tiles).Append("</g></svg>");
        html.Append("<ul class=\"legend\" aria-label=\"Store map legend\">");
        foreach (var (css, label) in States)
        {
            html.Append("<li><span class=\"sw ").Append(css).Append("\"></span>").Append(Html.Text($"{label} ({ReportFormat.Integer(counts[css])})")).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static string Tooltip(string storeId, StoreRank? rank, Anomaly? anomaly, string currency)
    {
        var text = new StringBuilder(Html.Name(storeId));
        if (rank is not null)
        {
            text.Append(Html.Text($": {ReportFormat.Money(rank.NetRevenue, currency)}, rank {ReportFormat.Integer(rank.Rank)}, " +
                                  $"{ReportFormat.Percent(rank.PercentChangeVsLastWeek)} vs last week"));
        }

        if (anomaly is not null)
        {
            text.Append(Html.Text(anomaly.Metric == AnomalyMetric.NoSales
                ? $" \u2014 high: no upload yet (usually {ReportFormat.Money(anomaly.Median, currency)})"
                : $" \u2014 {ReportWords.Severity(anomaly.Severity)} {ReportWords.Direction(anomaly)} of {ReportWords.Metric(anomaly.Metric)}: " +
                  $"{ReportFormat.AnomalyFigure(anomaly.Metric, anomaly.Value, currency)}, expected " +
                  $"{ReportFormat.AnomalyFigure(anomaly.Metric, anomaly.ExpectedLow, currency)}\u2013{ReportFormat.AnomalyFigure(anomaly.Metric, anomaly.ExpectedHigh, currency)} " +
                  $"({ReportFormat.Percent(anomaly.PercentChange)})"));
        }

        return text.ToString();
    }
}
