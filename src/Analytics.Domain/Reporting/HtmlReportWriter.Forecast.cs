using System.Globalization;
using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

internal static partial class HtmlReportWriter
{
    /// <summary>
    /// The next seven days: the chain's chart and days, and the categories' expected totals; stores are counted (every
    /// store's days are in the <c>sales_forecast</c> export). A document from before ForecastSales existed has no
    /// forecast section.
    /// </summary>
    private static void WriteForecast(StringBuilder html, DailyInsights insights)
    {
        var part = insights.Parts.FirstOrDefault(p => p.Section == AnalysisSection.Forecast);
        if (part is null)
        {
            return;
        }

        Heading(html, "forecast", "Sales forecast, next 7 days", insights, AnalysisSection.Forecast);
        var forecast = insights.Forecast;
        if (forecast is null)
        {
            html.Append("<p>The forecast failed, so none is given today (see <a href=\"#steps\">Analysis steps</a>).</p></section>");
            return;
        }

        if (forecast.Chain is { } chain)
        {
            html.Append("<figure>");
            SvgForecastChart.Write(html, insights.RevenueSeries, chain, insights.Currency);
            html.Append("<figcaption>Bars: the chain's daily net revenue; line: the forecast; band: its 80 % prediction interval; grey: closed.</figcaption></figure>");
            var days = new HtmlTable("The chain's net revenue, next 7 days", "Day", "#Expected", "#80 % interval");
            foreach (var day in chain.Days)
            {
                days.Row(Html.Text($"{day.Date.DayOfWeek} {ReportFormat.Date(day.Date)}"),
                         day.Closed ? "closed" : Html.Text(ReportFormat.Amount(day.Expected)),
                         day.Closed ? "" : Html.Text(ReportFormat.AmountRange(day.Low, day.High)));
            }

            days.Row("7 days", Html.Text(ReportFormat.Amount(chain.ExpectedTotal)), "");
            days.WriteTo(html);
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>The chain has too little history for a forecast (it needs {SalesForecaster.MinimumHistoryDays} days of it).</p>");
        }

        var categories = ForecastWords.ByExpectedTotal(forecast.Categories);
        if (categories.Count > 0)
        {
            var table = new HtmlTable("Categories: expected net revenue, next 7 days", "Category", "#Expected");
            foreach (var category in categories.Take(ReportLimits.HtmlStores))
            {
                table.Row(Html.Name(category.Id), Html.Text(ReportFormat.Amount(category.ExpectedTotal)));
            }

            table.WriteTo(html, categories.Count, "categories");
        }

        html.Append("<p class=\"small\">").Append(Html.Text(ForecastWords.Coverage(forecast))).Append("</p></section>");
    }
}
