using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The plain-text e-mail body: headline figures with their comparisons, returns (on a day with any), anomalies, trends, recommendations with
/// their facts, products, missing SKUs, stores, how each analysis step went and where the HTML report is. Every list
/// is cut (<see cref="ReportLimits"/>) and every uploaded name cleaned and cut, so the body's size does not grow with
/// the chain; <see cref="ReportLimits.MaxTextBytes"/> is a last guard.
/// </summary>
internal static partial class TextReportWriter
{
    private static string Name(string? value) => UntrustedText.Clean(value, ReportLimits.TextNameLength);

    public static string Write(DailyInsights insights, string? reportLocation)
    {
        var text = new PlainText();
        var currency = ReportFormat.Currency(insights.Currency);
        text.Line($"Daily sales report for {insights.Date.DayOfWeek} {ReportFormat.Date(insights.Date)}")
            .Line($"{ReportFormat.Integer(insights.StoreCount)} stores traded; amounts in {currency}.")
            .Line($"Analysis run {Name(insights.ExecutionName)}, started {ReportFormat.Instant(insights.StartedAt)}.");
        if (!string.IsNullOrEmpty(reportLocation))
        {
            text.Line($"Full report with charts: {UntrustedText.Clean(reportLocation, 300)}");
        }

        text.Line().Wrapped("", UntrustedText.Clean(insights.ModelNote, ReportLimits.SentenceLength), 0);
        if (insights.HasErrors)
        {
            var failed = string.Join(", ", insights.Parts.Where(p => p.Failed).Select(p => Name(p.Step)));
            text.Wrapped("", $"Some analysis steps failed ({failed}); the report gives what did succeed. See ANALYSIS STEPS.", 0);
        }

        if (ReportFindings.LeadingOrder(insights.Anomalies) is { } order)
        {
            // One order that makes the day is said before anything else: every figure below includes it.
            text.Line().Wrapped($"FIRST [{ReportWords.Severity(order.Severity).ToUpperInvariant()}]: ", ReportFindings.Headline(order, currency, ReportLimits.TextNameLength), 4);
        }

        WriteHeadline(text, insights);
        WriteReturns(text, insights, currency);
        WriteAnomalies(text, insights);
        WriteModelReview(text, insights.Anomalies?.Review);
        WriteTrends(text, insights.Trends, currency);
        WriteModelReview(text, insights.Trends?.Review);
        WriteForecast(text, insights, currency);
        WriteRecommendations(text, insights.Recommendations);
        WriteModelReview(text, insights.RecommendationsReview);
        WriteProducts(text, insights.Products, currency);
        WriteMissingSkus(text, insights.Products, currency);
        WriteCategories(text, insights);
        WriteStores(text, insights.Company, currency);
        WritePaymentMethods(text, insights.Company, currency);
        WriteSteps(text, insights);
        return Bounded(text.ToString(), reportLocation);
    }

    private static void WriteHeadline(PlainText text, DailyInsights insights)
    {
        text.Heading("Headline figures");
        foreach (var figure in ReportReturns.Headline(insights.Company))
        {
            text.Line($"{ReportWords.Figure(figure.Metric),-16}{ReportFormat.Figure(figure.Metric, figure.Value, insights.Currency)}");
            foreach (var comparison in figure.Comparisons)
            {
                var days = comparison.BaselineDays > 1 ? $", {comparison.BaselineDays} days" : "";
                text.Line($"  {ReportWords.Baseline(comparison.Baseline, insights.Date),-24}{ReportFormat.Percent(comparison.PercentChange),9}" +
                          $"  (was {ReportFormat.Figure(figure.Metric, comparison.BaselineValue, insights.Currency)}{days})");
            }
        }

        var busiest = insights.Company.Hours.OrderByDescending(h => h.NetRevenue).ThenBy(h => h.Hour).FirstOrDefault();
        if (busiest is not null)
        {
            text.Line($"Busiest hour    {busiest.Hour:D2}:00-{busiest.Hour:D2}:59, {ReportFormat.Share(busiest.Share)} of net revenue");
        }
    }

    /// <summary>The day's refunds and, highest return rate first, the stores and categories with them and the products
    /// refunded most; nothing on a day without returns.</summary>
    private static void WriteReturns(PlainText text, DailyInsights insights, string currency)
    {
        var company = insights.Company;
        if (!company.HasReturns)
        {
            return;
        }

        var totals = company.Totals;
        text.Heading("Returns")
            .Wrapped("", $"{ReportFormat.Money(totals.Returns, currency)} refunded in {ReportFormat.Integer(totals.ReturnTransactions)} return " +
                         $"transactions ({ReportFormat.Count(totals.UnitsReturned)} units): {ReportFormat.Rate(company.ReturnRate)} of sales of " +
                         $"{ReportFormat.Money(totals.NetSales, currency)}; net revenue {ReportFormat.Money(company.NetRevenue, currency)}.", 0);
        var stores = ReportReturns.Stores(company);
        if (stores.Count > 0)
        {
            text.Line("Highest return rates, stores:");
            foreach (var s in stores.Take(ReportLimits.TextReturns))
            {
                text.Wrapped("  - ", $"{Name(s.StoreId)}: {ReportReturns.Rate(s.ReturnRate, s.LastWeekReturnRate)}, " +
                                     $"{ReportFormat.Money(s.Returns, currency)} refunded", 4);
            }

            text.More(Math.Min(stores.Count, ReportLimits.TextReturns), stores.Count, "stores with returns");
        }

        var categories = ReportReturns.Categories(company);
        if (categories.Count > 0)
        {
            text.Line("Highest return rates, categories:");
            foreach (var c in categories.Take(ReportLimits.TextReturns))
            {
                text.Wrapped("  - ", $"{Name(c.Category)}: {ReportReturns.Rate(c.ReturnRate, c.LastWeekReturnRate)}, " +
                                     $"{ReportFormat.Money(c.Returns, currency)} refunded", 4);
            }

            text.More(Math.Min(categories.Count, ReportLimits.TextReturns), categories.Count, "categories with returns");
        }

        var products = insights.Products.TopByReturns;
        if (products.Count > 0)
        {
            text.Line("Most refunded products:");
            foreach (var p in products.Take(ReportLimits.TextReturns))
            {
                text.Wrapped($"{p.Rank,2}. ", $"{Name(p.Sku)} {Quoted(p.Name)} ({Name(p.Category)}): {ReportFormat.Money(p.Returns, currency)} " +
                                              $"refunded, {ReportFormat.Count(p.UnitsReturned)} units back", 4);
            }

            text.More(Math.Min(products.Count, ReportLimits.TextReturns), products.Count, "products");
        }
    }

    private static void WriteAnomalies(PlainText text, DailyInsights insights)
    {
        var report = insights.Anomalies;
        if (report is null)
        {
            text.Heading("Anomalies").Line("Anomaly detection failed: no anomalies are reported today (see ANALYSIS STEPS).");
            return;
        }

        var high = report.Anomalies.Count(a => a.Severity == AnomalySeverity.High);
        text.Heading($"Anomalies ({high} high, {report.Anomalies.Count - high} medium)")
            .Wrapped("", $"Checked {ReportFormat.Integer(report.StoresChecked)} stores ({ReportFormat.Integer(report.StoresWithShortHistory)} with too " +
                         $"short a history) and {ReportFormat.Integer(report.CategoriesChecked)} categories against {report.ChainBaselinePoints} " +
                         $"same-weekday days. Findings: {ReportWords.Source(Source(insights, AnalysisSection.Anomalies))}.", 0);
        if (report.HistoryTooShort)
        {
            text.Wrapped("", UntrustedText.Clean(report.Note, ReportLimits.SentenceLength), 0);
            return;
        }

        if (ReportFindings.Uploads(insights.Uploads, ReportLimits.TextNameLength) is { } uploads)
        {
            text.Line().Wrapped("", uploads, 2);
        }

        WriteFindings(text, report, insights.Currency);
        if (report.Anomalies.Count == 0)
        {
            text.Wrapped("", "No figure is outside its usual range.", 0);
            return;
        }

        if (report.Incidents is not null)
        {
            text.Line().Line("Every anomaly, most severe first:");
        }

        var shown = report.Anomalies.Take(ReportLimits.TextAnomalies).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var a = shown[i];
            var number = $"{i + 1,2}. ";
            text.Line($"{number}{ReportWords.Severity(a.Severity).ToUpperInvariant()} {ReportWords.Direction(a)}: {AnomalyTitle(a, insights.Currency)}");
            if (a.Metric != AnomalyMetric.NoSales)
            {
                text.Wrapped("    ", $"expected {ReportFormat.AnomalyFigure(a.Metric, a.ExpectedLow, insights.Currency)} to " +
                                      $"{ReportFormat.AnomalyFigure(a.Metric, a.ExpectedHigh, insights.Currency)} (median " +
                                      $"{ReportFormat.AnomalyFigure(a.Metric, a.Median, insights.Currency)}), {ReportFormat.Percent(a.PercentChange)}, " +
                                      ReportFormat.ZScore(a.ZScore), 4);
            }
            else
            {
                text.Line($"    usually {ReportFormat.Money(a.Median, insights.Currency)} on this weekday");
            }

            if (a.Contributors.Count > 0)
            {
                var parts = a.Contributors.Take(ReportLimits.TextContributors).Select(c =>
                    $"{ReportWords.Contributor(c.Kind)} {Name(c.Id)} {ReportFormat.Deviation(a.Metric, c.Deviation)} ({ReportFormat.Share(c.Share)});");
                text.Wrapped("    contributors: ", string.Join(' ', parts).TrimEnd(';'), 6);
            }
        }

        text.More(shown.Count, report.Anomalies.Count, "anomalies in the HTML report");
    }

    /// <summary>The day's findings (material incidents) in rank order, each with its facets, and how many smaller
    /// movements were left out; nothing for a report written before incidents existed.</summary>
    private static void WriteFindings(PlainText text, AnomalyReport report, string currency)
    {
        if (ReportFindings.Incomplete(report, ReportLimits.TextNameLength) is { } incomplete)
        {
            text.Line().Wrapped("", incomplete, 2);
        }

        if (ReportFindings.Material(report) is not { } findings)
        {
            return;
        }

        var high = findings.Count(f => f.Severity == AnomalySeverity.High);
        text.Line().Line(findings.Count == 0 ? "Findings: none large enough to act on."
                         : $"Findings ({findings.Count}, {high} high){(findings.Count > 1 ? ", most severe and largest in money first" : "")}:");
        var shown = findings.Take(ReportLimits.TextFindings).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var finding = shown[i];
            text.Wrapped($"{i + 1,2}. [{ReportWords.Severity(finding.Severity).ToUpperInvariant()}] ", ReportFindings.Headline(finding, currency, ReportLimits.TextNameLength), 4);
            var facets = ReportFindings.ListedFacets(finding);
            foreach (var facet in facets.Take(ReportLimits.TextFindingFacets))
            {
                text.Wrapped("      - ", ReportFindings.Facet(facet, currency, ReportLimits.TextNameLength), 8);
            }

            text.More(Math.Min(facets.Count, ReportLimits.TextFindingFacets), facets.Count, "figures", "        ");
        }

        text.More(shown.Count, findings.Count, "findings in the HTML report");
        if (report.LossFindings is { Count: > 0 } losses)
        {
            text.Line($"Loss prevention ({losses.Count}):");
            foreach (var loss in losses.Take(ReportLimits.TextFindings))
            {
                text.Wrapped($"  - [{ReportWords.Severity(loss.Severity).ToUpperInvariant()}] ", ReportFindings.Loss(loss, currency, ReportLimits.TextNameLength), 4);
            }

            text.More(Math.Min(losses.Count, ReportLimits.TextFindings), losses.Count, "loss-prevention findings in the HTML report");
        }
        if (ReportFindings.LeftOut(report) is { Length: > 0 } leftOut)
        {
            text.Wrapped("", leftOut, 2);
        }
    }

    internal static string AnomalyTitle(Anomaly a, string currency) =>
        a.Metric == AnomalyMetric.NoSales
            ? $"{ReportWords.Subject(a.Subject)} {Name(a.SubjectId)}: no upload yet"
            : $"{(a.Subject == AnomalySubject.Chain ? "Chain" : $"{ReportWords.Subject(a.Subject)} {Name(a.SubjectId)}")} " +
              $"{ReportWords.Metric(a.Metric)} {ReportFormat.AnomalyFigure(a.Metric, a.Value, currency)}";

    private static void WriteTrends(PlainText text, TrendReport? trends, string currency)
    {
        text.Heading("Trends");
        if (trends is null)
        {
            text.Line("Trend analysis failed: no trends today (see ANALYSIS STEPS).");
            return;
        }

        var chain = trends.Chain;
        text.Line($"Chain net revenue per trading day: week over week {ReportFormat.Percent(chain.WeekOverWeek)}, month over month {ReportFormat.Percent(chain.MonthOverMonth)}")
            .Line($"  7-day slope  {Slope(chain.Slope7PerDay, chain.Slope7Percent, currency)}")
            .Line($"  28-day slope {Slope(chain.Slope28PerDay, chain.Slope28Percent, currency)}")
            .Line(chain.WeekdayPatternRemoved ? "  (slopes with the weekday pattern removed)" : "  (too little history to remove the weekday pattern)");
        Entities(text, "Growing stores", trends.GrowingStores);
        Entities(text, "Declining stores", trends.DecliningStores);
        Entities(text, "Growing categories", trends.GrowingCategories);
        Entities(text, "Declining categories", trends.DecliningCategories);
    }

    private static string Slope(decimal? perDay, decimal? percent, string currency) =>
        perDay is { } p ? $"{ReportFormat.SignedAmount(p)} {currency} a day ({ReportFormat.Percent(percent)} a day)" : "n/a (too few days)";

    private static void Entities(PlainText text, string title, IReadOnlyList<EntityTrend> trends)
    {
        if (trends.Count == 0)
        {
            return;
        }

        var items = trends.Take(ReportLimits.TextTrendEntities).Select(t => $"{Name(t.Id)} {ReportFormat.Percent(t.SlopePercent)}/day;");
        text.Wrapped($"  {title}: ", string.Join(' ', items).TrimEnd(';'), 4);
        text.More(Math.Min(trends.Count, ReportLimits.TextTrendEntities), trends.Count, "", "    ");
    }

    private static string Source(DailyInsights insights, AnalysisSection section) =>
        insights.Parts.FirstOrDefault(p => p.Section == section)?.Source ?? PartStatus.Statistics;

    /// <summary>The body, or its first <see cref="ReportLimits.MaxTextBytes"/> bytes' worth of whole lines and a note.</summary>
    internal static string Bounded(string body, string? reportLocation)
    {
        if (Encoding.UTF8.GetByteCount(body) <= ReportLimits.MaxTextBytes)
        {
            return body;
        }

        var note = $"\n[The e-mail was cut at {ReportFormat.Integer(ReportLimits.MaxTextBytes)} bytes; the full report is " +
                   $"{(string.IsNullOrEmpty(reportLocation) ? "the HTML report" : UntrustedText.Clean(reportLocation, 300))}.]\n";
        var cut = body[..Math.Min(body.Length, (ReportLimits.MaxTextBytes - 1_000) / 4)];
        return cut[..(cut.LastIndexOf('\n') + 1)] + note;
    }
}
