using System.Text;
using Analytics.Domain.Analysis;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The revenue trend chart: one bar per day of the series (the report's weekday darker, the report's day darkest),
/// the trailing 7-day average as a line, a money axis with round ticks and a date every seventh day (the report's
/// weekday). Each bar's <c>title</c> gives the day's figures.
/// </summary>
internal static class SvgRevenueTrendChart
{
    private const double Width = 800, Height = 300, Left = 64, Right = 12, Top = 16, Bottom = 44;

    public static void Write(StringBuilder html, IReadOnlyList<DailyRevenue> series, DateOnly date, string currency)
    {
        var code = ReportFormat.Currency(currency);
        var today = series.FirstOrDefault(d => d.Date == date);
        Svg.Open(html, "revenue-trend", Width, Height, $"Chain net revenue per day, {series.Count} days to {ReportFormat.Date(date)}",
                 series.Count == 0 ? "No revenue series."
                     : $"Daily net revenue in {code} from {ReportFormat.Date(series[0].Date)} to {ReportFormat.Date(series[^1].Date)}, with the 7-day average; " +
                       $"{ReportFormat.Date(date)}: {ReportFormat.Money(today?.NetRevenue ?? 0m, currency)}.");
        if (series.Count == 0)
        {
            html.Append("<text x=\"400\" y=\"150\" text-anchor=\"middle\">No revenue series</text></svg>");
            return;
        }

        var averages = new decimal?[series.Count];
        for (var i = 6; i < series.Count; i++)
        {
            var sum = 0m;
            for (var j = i - 6; j <= i; j++)
            {
                sum += series[j].NetRevenue;
            }

            averages[i] = sum / 7m;
        }

        var max = Math.Max(series.Max(d => d.NetRevenue), averages.Max() ?? 0m);
        var step = Svg.NiceStep(max, 5);
        var top = max <= 0m ? step : Math.Ceiling(max / step) * step;
        const double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double Y(decimal value) => Top + plotHeight - (double)(value / top) * plotHeight;

        html.Append("<g font-size=\"11\">");
        for (var tick = 0m; tick <= top; tick += step)
        {
            html.Append("<line x1=\"").Append(Svg.N(Left)).Append("\" x2=\"").Append(Svg.N(Width - Right)).Append("\" y1=\"").Append(Svg.N(Y(tick)))
                .Append("\" y2=\"").Append(Svg.N(Y(tick))).Append("\" stroke=\"#d0d7de\" stroke-width=\"1\"/>")
                .Append("<text x=\"").Append(Svg.N(Left - 6)).Append("\" y=\"").Append(Svg.N(Y(tick) + 4)).Append("\" text-anchor=\"end\">")
                .Append(Html.Text(Svg.Compact(tick))).Append("</text>");
        }

        html.Append("<text transform=\"translate(12 ").Append(Svg.N(Top + plotHeight / 2)).Append(") rotate(-90)\" text-anchor=\"middle\">Net revenue (")
            .Append(Html.Text(code)).Append(")</text>");

        var slot = plotWidth / series.Count;
        for (var i = 0; i < series.Count; i++)
        {
            var day = series[i];
            var x = Left + i * slot;
            var sameWeekday = (date.DayNumber - day.Date.DayNumber) % 7 == 0;
            var fill = day.Date == date ? "#08306b" : sameWeekday ? "#4292c6" : "#9ecae1";
            var y = Y(day.NetRevenue);
            html.Append("<rect x=\"").Append(Svg.N(x + slot * 0.15)).Append("\" y=\"").Append(Svg.N(y)).Append("\" width=\"").Append(Svg.N(slot * 0.7))
                .Append("\" height=\"").Append(Svg.N(Top + plotHeight - y)).Append("\" fill=\"").Append(fill).Append("\"><title>")
                .Append(Html.Text($"{day.Date.DayOfWeek} {ReportFormat.Date(day.Date)}: {ReportFormat.Money(day.NetRevenue, currency)}, " +
                                  $"{ReportFormat.Integer(day.Transactions)} transactions, {ReportFormat.Integer(day.StoresTrading)} stores"))
                .Append("</title></rect>");
            if (sameWeekday)
            {
                html.Append("<text x=\"").Append(Svg.N(x + slot / 2)).Append("\" y=\"").Append(Svg.N(Height - Bottom + 16))
                    .Append("\" text-anchor=\"middle\"").Append(day.Date == date ? " font-weight=\"bold\"" : "").Append('>')
                    .Append(Html.Text(ReportFormat.ShortDate(day.Date))).Append("</text>");
            }
        }

        var points = new StringBuilder();
        for (var i = 0; i < series.Count; i++)
        {
            if (averages[i] is { } average)
            {
                points.Append(Svg.N(Left + (i + 0.5) * slot)).Append(',').Append(Svg.N(Y(average))).Append(' ');
            }
        }

        if (points.Length > 0)
        {
            html.Append("<polyline fill=\"none\" stroke=\"#e6550d\" stroke-width=\"2\" points=\"").Append(points.ToString().TrimEnd()).Append("\"/>");
        }

        html.Append("<line x1=\"").Append(Svg.N(Left)).Append("\" x2=\"").Append(Svg.N(Width - Right)).Append("\" y1=\"").Append(Svg.N(Top + plotHeight))
            .Append("\" y2=\"").Append(Svg.N(Top + plotHeight)).Append("\" stroke=\"#57606a\"/>");
        var legendY = Height - 8;
        html.Append("<rect x=\"").Append(Svg.N(Left)).Append("\" y=\"").Append(Svg.N(legendY - 9)).Append("\" width=\"10\" height=\"10\" fill=\"#08306b\"/>")
            .Append("<text x=\"").Append(Svg.N(Left + 14)).Append("\" y=\"").Append(Svg.N(legendY)).Append("\">").Append(Html.Text(ReportFormat.Date(date))).Append("</text>")
            .Append("<rect x=\"").Append(Svg.N(Left + 100)).Append("\" y=\"").Append(Svg.N(legendY - 9)).Append("\" width=\"10\" height=\"10\" fill=\"#4292c6\"/>")
            .Append("<text x=\"").Append(Svg.N(Left + 114)).Append("\" y=\"").Append(Svg.N(legendY)).Append("\">same weekday</text>")
            .Append("<line x1=\"").Append(Svg.N(Left + 220)).Append("\" x2=\"").Append(Svg.N(Left + 240)).Append("\" y1=\"").Append(Svg.N(legendY - 4))
            .Append("\" y2=\"").Append(Svg.N(legendY - 4)).Append("\" stroke=\"#e6550d\" stroke-width=\"2\"/>")
            .Append("<text x=\"").Append(Svg.N(Left + 246)).Append("\" y=\"").Append(Svg.N(legendY)).Append("\">7-day average</text>");
        html.Append("</g></svg>");
    }
}
