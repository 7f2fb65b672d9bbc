using System.Text;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The category mix chart: a horizontal bar per category with its share of net revenue on the day, a black mark at
/// its share over the four-week same-weekday baseline and the change in points; the smallest categories past
/// <see cref="ReportLimits.ChartCategories"/> are one "other" bar.
/// </summary>
internal static class SvgCategoryMixChart
{
    private const double Width = 800, LabelWidth = 190, ValueWidth = 170, RowHeight = 26, Top = 8;

    private sealed record Bar(string Label, decimal Share, decimal? BaselineShare, decimal? ShareChange, decimal NetRevenue);

    public static void Write(StringBuilder html, IReadOnlyList<CategoryFigure> categories, IReadOnlyList<CategoryMix> mix)
    {
        var bars = Bars(categories, mix);
        var height = Top * 2 + Math.Max(1, bars.Count) * RowHeight;
        var top = bars.Select(b => b.Share).Concat(bars.Select(b => b.BaselineShare ?? 0m)).DefaultIfEmpty(0m).Max();
        Svg.Open(html, "category-mix", Width, height, "Category share of net revenue",
                 bars.Count == 0 ? "No category sales."
                     : string.Join("; ", bars.Take(5).Select(b => $"{b.Label} {ReportFormat.Share(b.Share)} ({ReportFormat.Points(b.ShareChange)})")) +
                       (bars.Count > 5 ? "; and more." : "."));
        html.Append("<g font-size=\"12\">");
        if (bars.Count == 0)
        {
            html.Append("<text x=\"10\" y=\"24\">No category sales</text>");
        }

        const double barSpace = Width - LabelWidth - ValueWidth;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * RowHeight;
            var width = top <= 0m ? 0 : (double)(bar.Share / top) * barSpace;
            html.Append("<g><title>").Append(Html.Text($"{bar.Label}: {ReportFormat.Share(bar.Share)} of net revenue ({ReportFormat.Amount(bar.NetRevenue)}); " +
                                                      $"4-week share {(bar.BaselineShare is { } b ? ReportFormat.Share(b) : "n/a")}, change {ReportFormat.Points(bar.ShareChange)}"))
                .Append("</title><text x=\"").Append(Svg.N(LabelWidth - 8)).Append("\" y=\"").Append(Svg.N(y + 17)).Append("\" text-anchor=\"end\">")
                .Append(Html.Text(bar.Label)).Append("</text><rect x=\"").Append(Svg.N(LabelWidth)).Append("\" y=\"").Append(Svg.N(y + 4))
                .Append("\" width=\"").Append(Svg.N(Math.Max(width, 1))).Append("\" height=\"").Append(Svg.N(RowHeight - 8)).Append("\" fill=\"#4292c6\"/>");
            if (bar.BaselineShare is { } baseline && top > 0m)
            {
                var x = LabelWidth + (double)(baseline / top) * barSpace;
                html.Append("<line x1=\"").Append(Svg.N(x)).Append("\" x2=\"").Append(Svg.N(x)).Append("\" y1=\"").Append(Svg.N(y + 1))
                    .Append("\" y2=\"").Append(Svg.N(y + RowHeight - 1)).Append("\" stroke=\"#1f2328\" stroke-width=\"2\"/>");
            }

            var change = bar.ShareChange switch
            {
                > 0m => " fill=\"#1a7f37\"",
                < 0m => " fill=\"#b2182b\"",
                _ => "",
            };
            html.Append("<text x=\"").Append(Svg.N(Width - ValueWidth + 8)).Append("\" y=\"").Append(Svg.N(y + 17)).Append("\">")
                .Append(Html.Text(ReportFormat.Share(bar.Share))).Append("<tspan dx=\"6\"").Append(change).Append('>')
                .Append(Html.Text(bar.ShareChange is null ? "" : ReportFormat.Points(bar.ShareChange))).Append("</tspan></text></g>");
        }

        html.Append("</g></svg>");
    }

    private static List<Bar> Bars(IReadOnlyList<CategoryFigure> categories, IReadOnlyList<CategoryMix> mix)
    {
        List<Bar> all = mix.Count > 0
            ? [.. mix.Select(m => new Bar(Label(m.Category), m.Share, m.BaselineShare, m.ShareChange, m.NetRevenue))]
            : [.. categories.Select(c => new Bar(Label(c.Category), c.Share, null, null, c.NetRevenue))];
        all = [.. all.OrderByDescending(b => b.Share).ThenBy(b => b.Label, StringComparer.Ordinal)];
        if (all.Count <= ReportLimits.ChartCategories)
        {
            return all;
        }

        var rest = all.Skip(ReportLimits.ChartCategories - 1).ToList();
        var baseline = rest.All(b => b.BaselineShare is not null) ? rest.Sum(b => b.BaselineShare) : null;
        var share = rest.Sum(b => b.Share);
        return [.. all.Take(ReportLimits.ChartCategories - 1),
                new Bar($"{rest.Count} other categories", share, baseline, baseline is { } b ? share - b : null, rest.Sum(b => b.NetRevenue))];
    }

    private static string Label(string category) => UntrustedText.Clean(category, 26);
}
