using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>The table sections of the page: products, missing SKUs, stores, payment methods and hours, steps.</summary>
internal static partial class HtmlReportWriter
{
    private static void WriteProducts(StringBuilder html, DailyInsights insights)
    {
        var products = insights.Products;
        Heading(html, "products", "Products", insights, AnalysisSection.Products);
        Ranks(html, "Top products by net revenue", products.TopByRevenue);
        Ranks(html, "Top products by units", products.TopByUnits);
        Movers(html, "Biggest gainers vs the same weekday of recent weeks", products.Gainers);
        Movers(html, "Biggest decliners vs the same weekday of recent weeks", products.Decliners);
        html.Append("</section>");
    }

    private static void Ranks(StringBuilder html, string caption, IReadOnlyList<SkuRank> ranks)
    {
        if (ranks.Count == 0)
        {
            return;
        }

        var table = new HtmlTable(caption, "#", "SKU", "Product", "Category", "#Units", "#Net revenue", "#Share");
        foreach (var p in ranks)
        {
            table.Row(Html.Text(ReportFormat.Integer(p.Rank)), Html.Name(p.Sku), Html.Name(p.Name), Html.Name(p.Category), Html.Text(ReportFormat.Count(p.Units)),
                      Html.Text(ReportFormat.Amount(p.NetRevenue)), Html.Text(ReportFormat.Share(p.Share)));
        }

        table.WriteTo(html);
    }

    private static void Movers(StringBuilder html, string caption, IReadOnlyList<SkuMover> movers)
    {
        if (movers.Count == 0)
        {
            return;
        }

        var table = new HtmlTable(caption, "SKU", "Product", "Category", "#Net revenue", "#Baseline", "#Change", "#Change %");
        foreach (var m in movers)
        {
            table.Row(Html.Name(m.Sku), Html.Name(m.Name), Html.Name(m.Category), Html.Text(ReportFormat.Amount(m.NetRevenue)),
                      Html.Text(ReportFormat.Amount(m.BaselineRevenue)), Html.Text(ReportFormat.SignedAmount(m.Change)), Html.Change(m.PercentChange));
        }

        table.WriteTo(html);
    }

    private static void WriteMissingSkus(StringBuilder html, DailyInsights insights)
    {
        var products = insights.Products;
        Heading(html, "missing-skus", $"Usual sellers that did not sell ({ReportFormat.Integer(products.MissingSkuCount)})", insights, AnalysisSection.Products);
        if (products.MissingSkuCount == 0)
        {
            html.Append("<p>").Append(products.SkuWeeks == 0 ? "Not checked: no SKU history was loaded." : "None: every usual seller sold.").Append("</p></section>");
            return;
        }

        var table = new HtmlTable("Store and SKU pairs, the costliest first", "Store", "SKU", "Product", "Category", "#Usual units a day",
                                  "#Usual net revenue a day", "#Days sold / checked");
        foreach (var m in products.MissingSkus.Take(ReportLimits.HtmlMissingSkus))
        {
            table.Row(Html.Name(m.StoreId), Html.Name(m.Sku), Html.Name(m.Name), Html.Name(m.Category), Html.Text(ReportFormat.Amount(m.AverageUnits)),
                      Html.Text(ReportFormat.Amount(m.AverageNetRevenue)), Html.Text($"{m.DaysSold} / {m.DaysChecked}"));
        }

        table.WriteTo(html, products.MissingSkuCount, "store/SKU pairs");
        html.Append("</section>");
    }

    private static void WriteStores(StringBuilder html, DailyInsights insights)
    {
        var ranking = insights.Company.StoreRanking;
        Heading(html, "stores", $"Stores ({ReportFormat.Integer(ranking.Count)} traded)", insights, AnalysisSection.Company);
        var shown = ranking.Count <= 2 * ReportLimits.HtmlStores
            ? ranking
            : [.. ranking.Take(ReportLimits.HtmlStores), .. ranking.Skip(ranking.Count - ReportLimits.HtmlStores)];
        var table = new HtmlTable(ranking.Count > shown.Count ? $"Top and bottom {ReportLimits.HtmlStores} stores by net revenue" : "Stores by net revenue",
                                  "#Rank", "Store", "#Net revenue", "#Share", "#vs last week", "#Transactions", "#Average basket");
        foreach (var s in shown)
        {
            table.Row(Html.Text(ReportFormat.Integer(s.Rank)), Html.Name(s.StoreId), Html.Text(ReportFormat.Amount(s.NetRevenue)), Html.Text(ReportFormat.Share(s.Share)),
                      Html.Change(s.PercentChangeVsLastWeek), Html.Text(ReportFormat.Integer(s.Transactions)), Html.Text(ReportFormat.Amount(s.AverageBasket)));
        }

        table.WriteTo(html, ranking.Count, "stores in between (each is a tile of the store map)");
        var company = insights.Company;
        List<PaymentMethodFigure> methods = [.. company.PaymentMethods.OrderByDescending(p => p.NetRevenue).ThenBy(p => p.PaymentMethod, StringComparer.Ordinal)];
        var payments = new HtmlTable("Payment methods", "Payment method", "#Net revenue", "#Share", "#Transactions");
        foreach (var p in methods.Take(ReportLimits.HtmlPaymentMethods))
        {
            payments.Row(Html.Name(p.PaymentMethod), Html.Text(ReportFormat.Amount(p.NetRevenue)), Html.Text(ReportFormat.Share(p.Share)), Html.Text(ReportFormat.Integer(p.Transactions)));
        }

        payments.WriteTo(html, methods.Count, "payment methods");
        var hours = new HtmlTable("Hours (local time)", "Hour", "#Net revenue", "#Share", "#Transactions", "#Units");
        foreach (var h in company.Hours)
        {
            hours.Row(Html.Text($"{h.Hour:D2}:00"), Html.Text(ReportFormat.Amount(h.NetRevenue)), Html.Text(ReportFormat.Share(h.Share)),
                      Html.Text(ReportFormat.Integer(h.Transactions)), Html.Text(ReportFormat.Count(h.Units)));
        }

        hours.WriteTo(html);
        html.Append("</section>");
    }

    private static void WriteSteps(StringBuilder html, DailyInsights insights)
    {
        Heading(html, "steps", "Analysis steps", insights, null);
        var table = new HtmlTable("How each step went and who wrote its findings", "Step", "Status", "Findings from", "Error");
        foreach (var part in insights.Parts)
        {
            var error = part.Failed || part.Error is not null
                ? $"<b>{Html.Name(part.Error ?? "failed")}</b>{(string.IsNullOrEmpty(part.Cause) ? "" : ": " + Html.Sentence(part.Cause))}"
                : "";
            var status = part.Failed ? Html.Badge("failed", "failed") : part.Error is null ? Html.Badge("ok", "ok") : Html.Badge("failed", "model failed, statistics kept");
            table.Row(Html.Name(part.Step), status,
                      Html.Text(ReportWords.Source(part.Source)), error);
        }

        table.WriteTo(html);
        html.Append("<p>").Append(Html.Sentence(insights.ModelNote)).Append("</p></section>");
    }
}
