using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

/// <summary>The insight sections of the page: anomalies with the store map, trends, recommendations.</summary>
internal static partial class HtmlReportWriter
{
    private static void WriteAnomalies(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "anomalies", "Anomalies", insights, "DetectAnomalies");
        var report = insights.Anomalies;
        if (report is null)
        {
            html.Append("<p>Anomaly detection failed, so no anomalies are reported today (see <a href=\"#steps\">Analysis steps</a>). ")
                .Append("The store map shows the stores without anomaly colours.</p>");
        }
        else
        {
            var high = report.Anomalies.Count(a => a.Severity == AnomalySeverity.High);
            html.Append("<p>").Append(Html.Text($"{high} high and {report.Anomalies.Count - high} medium anomalies. Checked " +
                                                $"{ReportFormat.Integer(report.StoresChecked)} stores ({ReportFormat.Integer(report.StoresWithShortHistory)} with too short a history) " +
                                                $"and {ReportFormat.Integer(report.CategoriesChecked)} categories against {report.ChainBaselinePoints} same-weekday days."))
                .Append("</p>");
            if (report.HistoryTooShort)
            {
                html.Append("<p class=\"note\">").Append(Html.Sentence(report.Note)).Append("</p>");
            }
        }

        html.Append("<figure>");
        SvgStoreMap.Write(html, insights.Company.StoreRanking, report?.Anomalies ?? [], insights.Currency);
        html.Append("<figcaption>Store map: one tile per store in store-id order (the data has no store locations), coloured by the store's ")
            .Append("most severe anomaly. Hover over or tap a tile for the store.</figcaption></figure>");
        if (report is null || report.Anomalies.Count == 0)
        {
            html.Append("</section>");
            return;
        }

        var table = new HtmlTable("Anomalies, most severe first", "#", "Severity", "What", "#Value", "#Expected range", "#Median", "#Change", "#Robust z", "Contributors");
        var rank = 0;
        foreach (var a in report.Anomalies.Take(ReportLimits.HtmlAnomalies))
        {
            var severity = $"{ReportWords.Severity(a.Severity)} {ReportWords.Direction(a)}";
            var range = a.Metric == AnomalyMetric.NoSales ? "" :
                $"{ReportFormat.AnomalyFigure(a.Metric, a.ExpectedLow, insights.Currency)} \u2013 {ReportFormat.AnomalyFigure(a.Metric, a.ExpectedHigh, insights.Currency)}";
            table.Row(Html.Text(ReportFormat.Integer(++rank)), Html.Badge(SvgStoreMap.CssClass(a), severity),
                      $"{Html.Text(ReportWords.Subject(a.Subject))} {(a.Subject == AnomalySubject.Chain ? "" : $"<b>{Html.Name(a.SubjectId)}</b> ")}{Html.Text(ReportWords.Metric(a.Metric))}",
                      Html.Text(ReportFormat.AnomalyFigure(a.Metric, a.Value, insights.Currency)), Html.Text(range),
                      Html.Text(ReportFormat.AnomalyFigure(a.Metric, a.Median, insights.Currency)), Html.Change(a.PercentChange),
                      Html.Text(a.Metric == AnomalyMetric.NoSales ? "" : ReportFormat.ZScore(a.ZScore)[2..]), Contributors(a));
        }

        table.WriteTo(html, report.Anomalies.Count, "anomalies");
        html.Append("</section>");
    }

    private static string Contributors(Anomaly anomaly)
    {
        if (anomaly.Contributors.Count == 0)
        {
            return "";
        }

        var list = new StringBuilder("<ul class=\"plain\">");
        foreach (var c in anomaly.Contributors.Take(ReportLimits.HtmlContributors))
        {
            list.Append("<li>").Append(Html.Text(ReportWords.Contributor(c.Kind))).Append(' ').Append(Html.Name(c.Id)).Append(' ')
                .Append(Html.Text($"{ReportFormat.Deviation(anomaly.Metric, c.Deviation)} ({ReportFormat.Share(c.Share)})")).Append("</li>");
        }

        return list.Append("</ul>").ToString();
    }

    private static void WriteTrends(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "trends", "Trends", insights, "AnalyzeTrends");
        var trends = insights.Trends;
        if (trends is null)
        {
            html.Append("<p>Trend analysis failed, so no trends are reported today (see <a href=\"#steps\">Analysis steps</a>).</p></section>");
            return;
        }

        var chain = trends.Chain;
        var currency = ReportFormat.Currency(insights.Currency);
        html.Append("<ul class=\"facts\"><li>Week over week: ").Append(Html.Change(chain.WeekOverWeek)).Append("</li><li>Month over month: ")
            .Append(Html.Change(chain.MonthOverMonth)).Append("</li><li>7-day slope: ").Append(Slope(chain.Slope7PerDay, chain.Slope7Percent, currency))
            .Append("</li><li>28-day slope: ").Append(Slope(chain.Slope28PerDay, chain.Slope28Percent, currency)).Append("</li></ul><p class=\"small\">")
            .Append(chain.WeekdayPatternRemoved ? "Slopes are measured with the weekday pattern removed." : "Too little history to remove the weekday pattern from the slopes.")
            .Append(' ').Append(Html.Text($"{ReportFormat.Integer(trends.StoresRanked)} stores and {ReportFormat.Integer(trends.CategoriesRanked)} categories had enough sales to rank."))
            .Append("</p>");
        var table = new HtmlTable("Fastest growing and declining (28-day slope)", "Trend", "Store or category", "#Slope a day", "#Slope", "#Mean daily net revenue", "#Days with sales");
        foreach (var (label, list) in new[]
                 {
                     ("growing store", trends.GrowingStores), ("declining store", trends.DecliningStores),
                     ("growing category", trends.GrowingCategories), ("declining category", trends.DecliningCategories),
                 })
        {
            foreach (var t in list.Take(ReportLimits.HtmlStores))
            {
                table.Row(Html.Text(label), Html.Name(t.Id), Html.Change(t.SlopePercent), Html.Text(ReportFormat.SignedAmount(t.SlopePerDay)),
                          Html.Text(ReportFormat.Amount(t.MeanDailyRevenue)), Html.Text(ReportFormat.Integer(t.DaysWithSales)));
            }
        }

        if (table.Count > 0)
        {
            table.WriteTo(html);
        }

        html.Append("</section>");
    }

    private static string Slope(decimal? perDay, decimal? percent, string currency) =>
        perDay is { } p ? $"{Html.Text($"{ReportFormat.SignedAmount(p)} {currency} a day")} ({Html.Change(percent)} a day)" : "n/a (too few days)";

    private static void WriteRecommendations(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "recommendations", "Recommendations", insights, "GenerateRecommendations");
        if (insights.Recommendations.Count == 0)
        {
            html.Append("<p>None today.</p></section>");
            return;
        }

        var table = new HtmlTable("Recommendations, first to act on first", "#", "Priority", "Recommendation", "Facts");
        foreach (var r in insights.Recommendations.Take(ReportLimits.HtmlRecommendations))
        {
            var facts = new StringBuilder("<ul class=\"plain\">");
            foreach (var f in r.Facts.Take(ReportLimits.HtmlFacts))
            {
                facts.Append("<li>").Append(Html.Text(ReportWords.FactSubject(f.Subject))).Append(' ').Append(Html.Name(f.SubjectId)).Append(' ')
                    .Append(Html.Name(f.Figure)).Append(" = ").Append(Html.Text(ReportFormat.Exact(f.Value))).Append("</li>");
            }

            if (r.Facts.Count > ReportLimits.HtmlFacts)
            {
                facts.Append("<li>\u2026 and ").Append(r.Facts.Count - ReportLimits.HtmlFacts).Append(" more</li>");
            }

            var priority = ReportWords.Priority(r.Priority);
            table.Row(Html.Text(ReportFormat.Integer(r.Rank)), Html.Badge("p-" + priority, priority),
                      $"<b>{Html.Sentence(r.Title)}</b><br>{Html.Sentence(r.Action)}", facts.Append("</ul>").ToString());
        }

        table.WriteTo(html, insights.Recommendations.Count, "recommendations");
        html.Append("</section>");
    }
}
