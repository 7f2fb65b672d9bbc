using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

/// <summary>The insight sections of the page: anomalies with the store map, trends, recommendations.</summary>
internal static partial class HtmlReportWriter
{
    private static void WriteAnomalies(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "anomalies", "Anomalies", insights, AnalysisSection.Anomalies);
        WriteModelReview(html, insights.Anomalies?.Review);
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

            if (ReportFindings.Uploads(insights.Uploads, ReportLimits.HtmlNameLength) is { } uploads)
            {
                html.Append("<p class=\"note\" id=\"uploads\">").Append(Html.Text(uploads)).Append("</p>");
            }

            WriteFindings(html, report, insights.Currency);
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

        // A report with incidents says which finding each anomaly is part of; one written before them has no such column.
        var findings = report.Incidents is { } incidents ? ReportFindings.Numbers(incidents) : null;
        string[] headers = ["#", "Severity", "What", "#Value", "#Expected range", "#Median", "#Change", "#Robust z", "~Contributors"];
        var table = new HtmlTable($"Anomalies, most severe first (amounts in {ReportFormat.Currency(insights.Currency)})",
                                  findings is null ? headers : [.. headers, "Finding"]);
        var rank = 0;
        foreach (var a in report.Anomalies.Take(ReportLimits.HtmlAnomalies))
        {
            var severity = $"{ReportWords.Severity(a.Severity)} {ReportWords.Direction(a)}";
            var range = a.Metric == AnomalyMetric.NoSales ? "" :
                $"{ReportFormat.AnomalyAmount(a.Metric, a.ExpectedLow)} \u2013 {ReportFormat.AnomalyAmount(a.Metric, a.ExpectedHigh)}";
            string[] cells =
            [
                Html.Text(ReportFormat.Integer(++rank)), Html.Badge(SvgStoreMap.CssClass(a), severity),
                $"{Html.Text(ReportWords.Subject(a.Subject))} {(a.Subject == AnomalySubject.Chain ? "" : $"<b>{Html.Name(a.SubjectId)}</b> ")}{Html.Text(ReportWords.Metric(a.Metric))}",
                Html.Text(ReportFormat.AnomalyAmount(a.Metric, a.Value)), Html.Text(range),
                Html.Text(ReportFormat.AnomalyAmount(a.Metric, a.Median)), Html.Change(a.PercentChange),
                Html.Text(a.Metric == AnomalyMetric.NoSales ? "" : ReportFormat.ZScore(a.ZScore)[2..]), Contributors(a),
            ];
            table.Row(findings is null ? cells : [.. cells, Html.Text(FindingCell(findings, a))]);
        }

        table.WriteTo(html, report.Anomalies.Count, "anomalies");
        html.Append("</section>");
    }

    /// <summary>The day's findings, before the anomaly table: each material incident with its severity, its headline
    /// and its facets, then how many smaller movements were left out. Nothing for a report without incidents.</summary>
    private static void WriteFindings(StringBuilder html, AnomalyReport report, string currency)
    {
        if (ReportFindings.Incomplete(report, ReportLimits.HtmlNameLength) is { } incomplete)
        {
            html.Append("<p class=\"note\" id=\"incomplete\">").Append(Html.Text(incomplete)).Append("</p>");
        }

        if (ReportFindings.Material(report) is not { } findings || report.HistoryTooShort)
        {
            return;
        }

        html.Append("<div id=\"findings\"><p><b>").Append(Html.Text(findings.Count switch
        {
            0 => "No findings: no movement is large enough to act on.",
            1 => "1 finding:",
            _ => $"{ReportFormat.Integer(findings.Count)} findings, most severe and largest in money first:",
        })).Append("</b></p>");
        if (findings.Count > 0)
        {
            html.Append("<ul class=\"findings\">");
            foreach (var finding in findings.Take(ReportLimits.HtmlFindings))
            {
                html.Append("<li>").Append(Html.Badge("p-" + ReportWords.Severity(finding.Severity), ReportWords.Severity(finding.Severity))).Append(' ')
                    .Append(Html.Text(ReportFindings.Headline(finding, currency, ReportLimits.HtmlNameLength)));
                var facets = ReportFindings.ListedFacets(finding);
                if (facets.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var facet in facets.Take(ReportLimits.HtmlFindingFacets))
                    {
                        html.Append("<li>").Append(Html.Text(ReportFindings.Facet(facet, currency, ReportLimits.HtmlNameLength))).Append("</li>");
                    }

                    if (facets.Count > ReportLimits.HtmlFindingFacets)
                    {
                        html.Append("<li>").Append(Html.Text($"\u2026 and {ReportFormat.Integer(facets.Count - ReportLimits.HtmlFindingFacets)} more")).Append("</li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (report.LossFindings is { Count: > 0 } losses)
        {
            html.Append("<p><b>").Append(Html.Text($"Loss prevention ({ReportFormat.Integer(losses.Count)}):")).Append("</b></p><ul class=\"findings\">");
            foreach (var loss in losses.Take(ReportLimits.HtmlFindings))
            {
                html.Append("<li>").Append(Html.Badge("p-" + ReportWords.Severity(loss.Severity), ReportWords.Severity(loss.Severity))).Append(' ')
                    .Append(Html.Text(ReportFindings.Loss(loss, currency, ReportLimits.HtmlNameLength))).Append("</li>");
            }

            html.Append("</ul>");
        }

        var more = findings.Count - Math.Min(findings.Count, ReportLimits.HtmlFindings);
        var leftOut = ReportFindings.LeftOut(report);
        if (more > 0 || leftOut.Length > 0)
        {
            html.Append("<p class=\"more\">").Append(Html.Text(more > 0 ? $"\u2026 and {ReportFormat.Integer(more)} more findings. {leftOut}" : leftOut)).Append("</p>");
        }

        html.Append("</div>");
    }

    /// <summary>The anomaly table's "Finding" cell: the number of the finding the anomaly is part of, "smaller" when its
    /// incident is under the materiality floor, empty when it repeats another anomaly of its finding.</summary>
    private static string FindingCell(Dictionary<(AnomalySubject, string, AnomalyMetric), int> findings, Anomaly anomaly) =>
        findings.TryGetValue(ReportFindings.Key(anomaly), out var number) ? number > 0 ? ReportFormat.Integer(number) : "smaller" : "";

    private static string Contributors(Anomaly anomaly) => string.Join("; ", anomaly.Contributors.Take(ReportLimits.HtmlContributors).Select(c =>
        $"{Html.Text(ReportWords.Contributor(c.Kind))} {Html.Name(c.Id)} {Html.Text($"{ReportFormat.Deviation(anomaly.Metric, c.Deviation)} ({ReportFormat.Share(c.Share)})")}"));

    private static void WriteTrends(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "trends", "Trends", insights, AnalysisSection.Trends);
        WriteModelReview(html, insights.Trends?.Review);
        var trends = insights.Trends;
        if (trends is null)
        {
            html.Append("<p>Trend analysis failed, so no trends are reported today (see <a href=\"#steps\">Analysis steps</a>).</p></section>");
            return;
        }

        var chain = trends.Chain;
        var currency = ReportFormat.Currency(insights.Currency);
        html.Append("<ul class=\"facts\"><li>Week over week, per trading day: ").Append(Html.Change(chain.WeekOverWeek)).Append("</li><li>Month over month, per trading day: ")
            .Append(Html.Change(chain.MonthOverMonth)).Append("</li><li>7-day slope: ").Append(Slope(chain.Slope7PerDay, chain.Slope7Percent, currency))
            .Append("</li><li>28-day slope: ").Append(Slope(chain.Slope28PerDay, chain.Slope28Percent, currency)).Append("</li></ul><p class=\"small\">")
            .Append(chain.WeekdayPatternRemoved ? "Slopes are measured with the weekday pattern removed." : "Too little history to remove the weekday pattern from the slopes.")
            .Append(' ').Append(Html.Text($"{ReportFormat.Integer(trends.StoresRanked)} stores and {ReportFormat.Integer(trends.CategoriesRanked)} categories had enough sales to rank."))
            .Append("</p>");
        var table = new HtmlTable("Fastest growing and declining (28-day slope)", "Trend", "Store or category", "#Slope, % a day", "#Slope, amount a day", "#Mean net revenue per trading day", "#Days with sales");
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
        Heading(html, "recommendations", "Recommendations", insights, AnalysisSection.Recommendations);
        WriteModelReview(html, insights.RecommendationsReview);
        if (insights.Recommendations.Count == 0)
        {
            html.Append("<p>None today.</p></section>");
            return;
        }

        var table = new HtmlTable("Recommendations, first to act on first", "#", "Priority", "~Recommendation and the facts it rests on");
        foreach (var r in insights.Recommendations.Take(ReportLimits.HtmlRecommendations))
        {
            var cell = new StringBuilder("<b>").Append(Html.Sentence(r.Title)).Append("</b><br>").Append(Html.Sentence(r.Action));
            if (r.Facts.Count > 0)
            {
                cell.Append("<br><span class=\"small\">Facts: ");
                var first = true;
                foreach (var (subject, subjectId, facts) in ReportWords.GroupFacts(r.Facts.Take(ReportLimits.HtmlFacts)))
                {
                    cell.Append(first ? "" : " \u00b7 ").Append("<b>").Append(Html.Text(ReportWords.FactSubject(subject))).Append(' ')
                        .Append(Html.Name(subjectId)).Append("</b> ")
                        .Append(string.Join(", ", facts.Select(f => $"{Html.Name(f.Figure)} {Html.Text(ReportFormat.Exact(f.Value))}")));
                    first = false;
                }

                if (r.Facts.Count > ReportLimits.HtmlFacts)
                {
                    cell.Append(" \u2026 and ").Append(r.Facts.Count - ReportLimits.HtmlFacts).Append(" more");
                }

                cell.Append("</span>");
            }

            var priority = ReportWords.Priority(r.Priority);
            table.Row(Html.Text(ReportFormat.Integer(r.Rank)), Html.Badge("p-" + priority, priority), cell.ToString());
        }

        table.WriteTo(html, insights.Recommendations.Count, "recommendations");
        html.Append("</section>");
    }
}
