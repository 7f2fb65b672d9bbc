using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The sales forecast chart: the chain's last <see cref="ActualDays"/> actual days as bars, then its seven forecast
/// days as a line of expected revenue over the 80 % prediction interval, shaded; a closed day is a grey column
/// marked "closed". A line divides actual from forecast; dates every seventh day (the report's weekday). Each bar,
/// point and closed day has a <c>title</c> with its figures; the <c>desc</c> sums the week up for screen readers.
/// Only the markup the report allows: rect, line, polyline (a filled one is the band), text.
/// </summary>
internal static class SvgForecastChart
{
    /// <summary>Actual days shown before the forecast (the last ones of the series given).</summary>
    public const int ActualDays = 28;

    private const double Width = 800, Height = 300, Left = 64, Right = 12, Top = 16, Bottom = 44;
    private const string BarFill = "#9ecae1", LineColour = "#e6550d", BandFill = "#fdd0a2", ClosedFill = "#eaeef2";

    /// <param name="actual">The chain's daily revenue up to D, oldest first (the report's revenue series).</param>
    /// <param name="chain">The chain's forecast of D + 1 … D + 7.</param>
    public static void Write(StringBuilder html, IReadOnlyList<DailyRevenue> actual, EntityForecast chain, string currency)
    {
        var code = ReportFormat.Currency(currency);
        var shown = actual.Skip(Math.Max(0, actual.Count - ActualDays)).ToList();
        var days = chain.Days;
        var date = days[0].Date.AddDays(-1);
        var closed = days.Where(d => d.Closed).Select(d => ReportFormat.Date(d.Date)).ToList();
        Svg.Open(html, "sales-forecast", Width, Height, $"Chain net revenue forecast, {days.Count} days after {ReportFormat.Date(date)}",
                 (shown.Count == 0 ? "No actual days; " : $"Daily net revenue in {code}, actual from {ReportFormat.Date(shown[0].Date)} to {ReportFormat.Date(shown[^1].Date)}, then ") +
                 $"expected from {ReportFormat.Date(days[0].Date)} to {ReportFormat.Date(days[^1].Date)} with its 80 % prediction interval; " +
                 $"expected over the {days.Count} days: {ReportFormat.Money(days.Sum(d => d.Expected), currency)}" +
                 (closed.Count == 0 ? "." : $"; closed: {string.Join(", ", closed)}."));

        var max = Math.Max(shown.Count == 0 ? 0m : shown.Max(d => d.NetRevenue), days.Max(d => d.High));
        var step = Svg.NiceStep(max, 5);
        var top = max <= 0m ? step : Math.Ceiling(max / step) * step;
        const double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom, bottom = Top + plotHeight;
        double Y(decimal value) => Top + plotHeight - (double)(value / top) * plotHeight;
        var slot = plotWidth / (shown.Count + days.Count);
        double Middle(int index) => Left + (index + 0.5) * slot;

        html.Append("<g font-size=\"11\">");
        for (var tick = 0m; tick <= top; tick += step)
        {
            Line(html, Left, Width - Right, Y(tick), Y(tick), "#d0d7de");
            html.Append("<text x=\"").Append(Svg.N(Left - 6)).Append("\" y=\"").Append(Svg.N(Y(tick) + 4)).Append("\" text-anchor=\"end\">")
                .Append(Html.Text(Svg.Compact(tick))).Append("</text>");
        }

        html.Append("<text transform=\"translate(12 ").Append(Svg.N(Top + plotHeight / 2)).Append(") rotate(-90)\" text-anchor=\"middle\">Net revenue (")
            .Append(Html.Text(code)).Append(")</text>");

        for (var i = 0; i < shown.Count; i++)
        {
            var day = shown[i];
            Rect(html, Left + i * slot + slot * 0.15, Y(day.NetRevenue), slot * 0.7, bottom - Y(day.NetRevenue), BarFill,
                 $"{day.Date.DayOfWeek} {ReportFormat.Date(day.Date)}: {ReportFormat.Money(day.NetRevenue, currency)}");
            DateLabel(html, day.Date, date, Middle(i));
        }

        var band = new StringBuilder();
        var expected = new StringBuilder();
        for (var i = 0; i < days.Count; i++)
        {
            if (!days[i].Closed)
            {
                band.Append(Svg.N(Middle(shown.Count + i))).Append(',').Append(Svg.N(Y(days[i].High))).Append(' ');
                expected.Append(Svg.N(Middle(shown.Count + i))).Append(',').Append(Svg.N(Y(days[i].Expected))).Append(' ');
            }
        }

        for (var i = days.Count - 1; i >= 0; i--)
        {
            if (!days[i].Closed)
            {
                band.Append(Svg.N(Middle(shown.Count + i))).Append(',').Append(Svg.N(Y(days[i].Low))).Append(' ');
            }
        }

        if (band.Length > 0)
        {
            html.Append("<polyline fill=\"").Append(BandFill).Append("\" stroke=\"").Append(BandFill).Append("\" stroke-width=\"1\" points=\"")
                .Append(band.ToString().TrimEnd()).Append("\"/>");
            html.Append("<polyline fill=\"none\" stroke=\"").Append(LineColour).Append("\" stroke-width=\"2\" points=\"")
                .Append(expected.ToString().TrimEnd()).Append("\"/>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var x = Middle(shown.Count + i);
            var label = $"{day.Date.DayOfWeek} {ReportFormat.Date(day.Date)}: ";
            if (day.Closed)
            {
                Rect(html, x - slot * 0.45, Top, slot * 0.9, plotHeight, ClosedFill, label + "closed");
                html.Append("<text transform=\"translate(").Append(Svg.N(x + 4)).Append(' ').Append(Svg.N(bottom - 6))
                    .Append(") rotate(-90)\">closed</text>");
            }
            else
            {
                Rect(html, x - 3, Y(day.Expected) - 3, 6, 6, LineColour,
                     label + $"expected {ReportFormat.Money(day.Expected, currency)} (80 %: {ReportFormat.Amount(day.Low)} to {ReportFormat.Amount(day.High)})");
            }

            DateLabel(html, day.Date, date, x);
        }

        Line(html, Left + shown.Count * slot, Left + shown.Count * slot, Top, bottom, "#57606a");
        Line(html, Left, Width - Right, bottom, bottom, "#57606a");
        Legend(html);
        html.Append("</g></svg>");
    }

    private static void DateLabel(StringBuilder html, DateOnly day, DateOnly date, double x)
    {
        if ((date.DayNumber - day.DayNumber) % 7 == 0)
        {
            html.Append("<text x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(Height - Bottom + 16)).Append("\" text-anchor=\"middle\"")
                .Append(day == date ? " font-weight=\"bold\"" : "").Append('>').Append(Html.Text(ReportFormat.ShortDate(day))).Append("</text>");
        }
    }

    private static void Legend(StringBuilder html)
    {
        var y = Height - 8;
        (string Fill, string Text)[] keys = [(BarFill, "actual"), (LineColour, "expected"), (BandFill, "80 % interval"), (ClosedFill, "closed")];
        for (var i = 0; i < keys.Length; i++)
        {
            var x = Left + i * 110;
            html.Append("<rect x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(y - 9)).Append("\" width=\"10\" height=\"10\" fill=\"")
                .Append(keys[i].Fill).Append("\"/><text x=\"").Append(Svg.N(x + 14)).Append("\" y=\"").Append(Svg.N(y)).Append("\">")
                .Append(keys[i].Text).Append("</text>");
        }
    }

    private static void Rect(StringBuilder html, double x, double y, double width, double height, string fill, string title) =>
        html.Append("<rect x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(y)).Append("\" width=\"").Append(Svg.N(width))
            .Append("\" height=\"").Append(Svg.N(height)).Append("\" fill=\"").Append(fill).Append("\"><title>").Append(Html.Text(title))
            .Append("</title></rect>");

    private static void Line(StringBuilder html, double x1, double x2, double y1, double y2, string stroke) =>
        html.Append("<line x1=\"").Append(Svg.N(x1)).Append("\" x2=\"").Append(Svg.N(x2)).Append("\" y1=\"").Append(Svg.N(y1))
            .Append("\" y2=\"").Append(Svg.N(y2)).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1\"/>");
}
