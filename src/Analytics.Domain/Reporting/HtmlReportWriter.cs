using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The HTML report: one self-contained page (inline CSS and SVG, no scripts, fonts or external resources) that reads
/// on a phone, a desktop and on paper. Each section says whether its findings came from statistics or a model. Every
/// uploaded string is cleaned and HTML-encoded, in text, in attributes and inside SVG.
/// </summary>
internal static partial class HtmlReportWriter
{
    public static string Write(DailyInsights insights, string subject)
    {
        var html = new StringBuilder(64 * 1024 + insights.Company.StoreRanking.Count * 120);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.Text(subject)).Append("</title><style>").Append(HtmlStyle.Css).Append("</style></head>\n<body><main>");
        WriteHeader(html, insights);
        WriteKeyFigures(html, insights);
        WriteReturns(html, insights);
        WriteRevenueTrend(html, insights);
        WriteForecast(html, insights);
        WriteAnomalies(html, insights);
        WriteTrends(html, insights);
        WriteRecommendations(html, insights);
        WriteCategories(html, insights);
        WriteProducts(html, insights);
        WriteMissingSkus(html, insights);
        WriteStores(html, insights);
        WriteSteps(html, insights);
        html.Append("<footer><p>").Append(Html.Sentence(insights.ModelNote)).Append(" Run ").Append(Html.Name(insights.ExecutionName))
            .Append(", started ").Append(Html.Text(ReportFormat.Instant(insights.StartedAt))).Append(".</p></footer>");
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    private static void WriteHeader(StringBuilder html, DailyInsights insights)
    {
        html.Append("<header><h1>Daily sales report <span class=\"date\">").Append(Html.Text($"{insights.Date.DayOfWeek} {ReportFormat.Date(insights.Date)}"))
            .Append("</span></h1><p class=\"meta\">").Append(Html.Text(ReportFormat.Integer(insights.StoreCount))).Append(" stores traded \u00b7 amounts in ")
            .Append(Html.Text(ReportFormat.Currency(insights.Currency))).Append(" \u00b7 run ").Append(Html.Name(insights.ExecutionName))
            .Append(" started ").Append(Html.Text(ReportFormat.Instant(insights.StartedAt))).Append("</p></header>");
        if (ReportFindings.LeadingOrder(insights.Anomalies) is { } order)
        {
            // One order that makes the day is said before anything else: every figure below includes it.
            html.Append("<p class=\"alert\" id=\"lead-finding\">").Append(Html.Badge("p-" + ReportWords.Severity(order.Severity), ReportWords.Severity(order.Severity)))
                .Append(' ').Append(Html.Text(ReportFindings.Headline(order, insights.Currency, ReportLimits.HtmlNameLength)))
                .Append(" <a href=\"#findings\">Findings</a></p>");
        }

        html.Append("<p class=\"note\" id=\"model-note\">").Append(Html.Sentence(insights.ModelNote)).Append("</p>");
        var failed = insights.Parts.Where(p => p.Failed).ToList();
        if (failed.Count > 0)
        {
            html.Append("<p class=\"alert\" role=\"alert\">Some analysis steps failed: ")
                .Append(string.Join(", ", failed.Select(f => Html.Name(f.Step))))
                .Append(". The report gives what did succeed; see <a href=\"#steps\">Analysis steps</a>.</p>");
        }
    }

    /// <summary>A section heading with the badge saying who wrote its findings (statistics or a model).</summary>
    private static void Heading(StringBuilder html, string id, string title, DailyInsights insights, AnalysisSection? section)
    {
        html.Append("<section id=\"").Append(id).Append("\"><h2>").Append(Html.Text(title));
        if (section is not null)
        {
            var part = insights.Parts.FirstOrDefault(p => p.Section == section);
            if (part is { Failed: true })
            {
                html.Append(' ').Append(Html.Badge("failed", "step failed"));
            }
            else
            {
                var model = part?.Source == PartStatus.Model;
                html.Append(' ').Append(Html.Badge(model ? "model" : "stats", "from " + ReportWords.Source(part?.Source)));
            }
        }

        html.Append("</h2>");
    }

    private static void WriteKeyFigures(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "figures", "Headline figures", insights, AnalysisSection.Company);
        html.Append("<div class=\"cards\">");
        foreach (var figure in ReportReturns.Headline(insights.Company))
        {
            html.Append("<div class=\"card\"><div class=\"label\">").Append(Html.Text(ReportWords.Figure(figure.Metric)))
                .Append("</div><div class=\"value\" data-metric=\"").Append(figure.Metric).Append("\">")
                .Append(Html.Text(ReportFormat.Figure(figure.Metric, figure.Value, insights.Currency))).Append("</div><ul>");
            foreach (var comparison in figure.Comparisons)
            {
                html.Append("<li>").Append(Html.Change(comparison.PercentChange)).Append(' ')
                    .Append(Html.Text(ReportWords.Baseline(comparison.Baseline, insights.Date))).Append(" <span class=\"was\">(")
                    .Append(Html.Text(ReportFormat.Figure(figure.Metric, comparison.BaselineValue, insights.Currency))).Append(")</span></li>");
            }

            if (figure.Comparisons.Count == 0)
            {
                html.Append("<li>no earlier days to compare with</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("</div></section>");
    }

    /// <summary>The day's refunds: stores and categories by return rate, products by amount refunded; nothing on a day
    /// without returns.</summary>
    private static void WriteReturns(StringBuilder html, DailyInsights insights)
    {
        var company = insights.Company;
        if (!company.HasReturns)
        {
            return;
        }

        var totals = company.Totals;
        var currency = insights.Currency;
        Heading(html, "returns", "Returns", insights, AnalysisSection.Company);
        html.Append("<p>").Append(Html.Text($"{ReportFormat.Money(totals.Returns, currency)} refunded in {ReportFormat.Integer(totals.ReturnTransactions)} " +
                                            $"return transactions ({ReportFormat.Count(totals.UnitsReturned)} units): {ReportFormat.Rate(company.ReturnRate)} " +
                                            $"of sales of {ReportFormat.Money(totals.NetSales, currency)}; net revenue " +
                                            $"{ReportFormat.Money(company.NetRevenue, currency)}.")).Append("</p>");
        var stores = ReportReturns.Stores(company);
        var storeTable = new HtmlTable("Stores by return rate", "Store", "#Return rate", "#Last week", "#Returns", "#Return transactions", "#Net revenue");
        foreach (var s in stores.Take(ReportLimits.HtmlReturns))
        {
            storeTable.Row(Html.Name(s.StoreId), Html.Text(ReportFormat.Rate(s.ReturnRate)), Html.Text(s.LastWeekReturnRate is { } r ? ReportFormat.Rate(r) : "n/a"),
                           Html.Text(ReportFormat.Amount(s.Returns)), Html.Text(ReportFormat.Integer(s.ReturnTransactions)), Html.Text(ReportFormat.Amount(s.NetRevenue)));
        }

        storeTable.WriteTo(html, stores.Count, "stores with returns");
        var categories = ReportReturns.Categories(company);
        var categoryTable = new HtmlTable("Categories by return rate", "Category", "#Return rate", "#Last week", "#Returns", "#Units returned", "#Net revenue");
        foreach (var c in categories.Take(ReportLimits.HtmlReturns))
        {
            categoryTable.Row(Html.Name(c.Category), Html.Text(ReportFormat.Rate(c.ReturnRate)), Html.Text(c.LastWeekReturnRate is { } r ? ReportFormat.Rate(r) : "n/a"),
                              Html.Text(ReportFormat.Amount(c.Returns)), Html.Text(ReportFormat.Count(c.UnitsReturned)), Html.Text(ReportFormat.Amount(c.NetRevenue)));
        }

        categoryTable.WriteTo(html, categories.Count, "categories with returns");
        if (insights.Products.TopByReturns.Count > 0)
        {
            var products = new HtmlTable("Most refunded products", "#", "SKU", "Product", "Category", "#Units returned", "#Returns", "#Net revenue");
            foreach (var p in insights.Products.TopByReturns)
            {
                products.Row(Html.Text(ReportFormat.Integer(p.Rank)), Html.Name(p.Sku), Html.Name(p.Name), Html.Name(p.Category),
                             Html.Text(ReportFormat.Count(p.UnitsReturned)), Html.Text(ReportFormat.Amount(p.Returns)), Html.Text(ReportFormat.Amount(p.NetRevenue)));
            }

            products.WriteTo(html);
        }

        html.Append("</section>");
    }

    private static void WriteRevenueTrend(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "revenue-trend", $"Net revenue, last {insights.RevenueSeries.Count} days", insights, null);
        html.Append("<figure>");
        SvgRevenueTrendChart.Write(html, insights.RevenueSeries, insights.Date, insights.Currency);
        html.Append("<figcaption>Bars: the chain's daily net revenue (the same weekday as ")
            .Append(Html.Text(ReportFormat.Date(insights.Date))).Append(" darker, the report's day darkest); line: 7-day average.</figcaption></figure></section>");
    }

    private static void WriteCategories(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "categories", "Category mix", insights, AnalysisSection.Products);
        html.Append("<figure>");
        SvgCategoryMixChart.Write(html, insights.Company.Categories, insights.Products.CategoryMix);
        html.Append("<figcaption>Share of chain net revenue on the day (bar) and over the same weekday of the previous four weeks (black mark).</figcaption></figure>");
        var mix = insights.Products.CategoryMix.GroupBy(m => m.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        List<CategoryFigure> categories = [.. insights.Company.Categories.OrderByDescending(c => c.NetRevenue).ThenBy(c => c.Category, StringComparer.Ordinal)];
        var table = new HtmlTable("Categories", "Category", "#Net revenue", "#Share", "#vs last week", "#4-week share", "#Share change", "#Units", "#Transactions");
        foreach (var c in categories.Take(ReportLimits.HtmlCategories))
        {
            var m = mix.GetValueOrDefault(c.Category);
            table.Row(Html.Name(c.Category), Html.Text(ReportFormat.Amount(c.NetRevenue)), Html.Text(ReportFormat.Share(c.Share)),
                      Html.Change(c.PercentChangeVsLastWeek), Html.Text(m?.BaselineShare is { } b ? ReportFormat.Share(b) : "n/a"),
                      Html.Text(ReportFormat.Points(m?.ShareChange)), Html.Text(ReportFormat.Count(c.Units)), Html.Text(ReportFormat.Integer(c.Transactions)));
        }

        table.WriteTo(html, categories.Count, "categories");
        html.Append("</section>");
    }
}
