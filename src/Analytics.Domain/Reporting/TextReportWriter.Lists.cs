using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>The list sections of the e-mail body: recommendations, products, categories, stores, analysis steps.</summary>
internal static partial class TextReportWriter
{
    private static void WriteRecommendations(PlainText text, IReadOnlyList<Recommendation> recommendations)
    {
        text.Heading("Recommendations");
        if (recommendations.Count == 0)
        {
            text.Line("None today.");
            return;
        }

        var shown = recommendations.Take(ReportLimits.TextRecommendations).ToList();
        foreach (var r in shown)
        {
            var sentence = UntrustedText.Clean(r.Title, ReportLimits.SentenceLength);
            text.Wrapped($"{r.Rank,2}. [{ReportWords.Priority(r.Priority).ToUpperInvariant()}] ", sentence, 4)
                .Wrapped("    ", UntrustedText.Clean(r.Action, ReportLimits.SentenceLength), 4);
            if (r.Facts.Count > 0)
            {
                var facts = ReportWords.GroupFacts(r.Facts.Take(ReportLimits.TextFacts)).Select(g =>
                    $"{ReportWords.FactSubject(g.Subject)} {Name(g.SubjectId)}: " +
                    string.Join(", ", g.Facts.Select(f => $"{Name(f.Figure)} {ReportFormat.Exact(f.Value)}")) + ";");
                text.Wrapped("    facts: ", string.Join(' ', facts).TrimEnd(';'), 6)
                    .More(Math.Min(r.Facts.Count, ReportLimits.TextFacts), r.Facts.Count, "facts", "      ");
            }
        }

        text.More(shown.Count, recommendations.Count, "recommendations in the HTML report");
    }

    private static void WriteProducts(PlainText text, ProductMetrics products, string currency)
    {
        text.Heading("Top products by net revenue");
        if (products.TopByRevenue.Count == 0)
        {
            text.Line("No product sales.");
        }

        foreach (var p in products.TopByRevenue.Take(ReportLimits.TextProducts))
        {
            text.Wrapped($"{p.Rank,2}. ", $"{Name(p.Sku)} {Quoted(p.Name)} ({Name(p.Category)}): {ReportFormat.Money(p.NetRevenue, currency)}, " +
                                          $"{ReportFormat.Count(p.Units)} units, {ReportFormat.Share(p.Share)} of net revenue", 4);
        }

        text.More(Math.Min(products.TopByRevenue.Count, ReportLimits.TextProducts), products.TopByRevenue.Count, "products");
        Movers(text, "Biggest gainers vs the same weekday of recent weeks", products.Gainers, currency);
        Movers(text, "Biggest decliners vs the same weekday of recent weeks", products.Decliners, currency);
    }

    private static void Movers(PlainText text, string title, IReadOnlyList<SkuMover> movers, string currency)
    {
        if (movers.Count == 0)
        {
            return;
        }

        text.Line().Line(title + ":");
        foreach (var m in movers.Take(ReportLimits.TextMovers))
        {
            text.Wrapped("  - ", $"{Name(m.Sku)} {Quoted(m.Name)}: {ReportFormat.Money(m.NetRevenue, currency)} vs " +
                                 $"{ReportFormat.Amount(m.BaselineRevenue)} ({ReportFormat.SignedAmount(m.Change)}, {ReportFormat.Percent(m.PercentChange)})", 4);
        }

        text.More(Math.Min(movers.Count, ReportLimits.TextMovers), movers.Count, "");
    }

    private static void WriteMissingSkus(PlainText text, ProductMetrics products, string currency)
    {
        text.Heading($"Usual sellers that did not sell ({ReportFormat.Integer(products.MissingSkuCount)})");
        if (products.MissingSkuCount == 0)
        {
            text.Line(products.SkuWeeks == 0 ? "Not checked: no SKU history was loaded." : "None: every usual seller sold.");
            return;
        }

        var shown = products.MissingSkus.Take(ReportLimits.TextMissingSkus).ToList();
        foreach (var m in shown)
        {
            text.Wrapped("  - ", $"store {Name(m.StoreId)}: {Name(m.Sku)} {Quoted(m.Name)} ({Name(m.Category)}), usually " +
                                 $"{ReportFormat.Amount(m.AverageUnits)} units and {ReportFormat.Money(m.AverageNetRevenue, currency)} a day " +
                                 $"(sold on {m.DaysSold} of {m.DaysChecked} days)", 4);
        }

        text.More(shown.Count, products.MissingSkuCount, "store/SKU pairs");
    }

    private static void WriteCategories(PlainText text, DailyInsights insights)
    {
        var categories = insights.Company.Categories.OrderByDescending(c => c.NetRevenue).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
        var mix = insights.Products.CategoryMix.GroupBy(m => m.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        text.Heading("Categories");
        foreach (var c in categories.Take(ReportLimits.TextCategories))
        {
            var shareChange = mix.TryGetValue(c.Category, out var m) && m.ShareChange is { } change
                ? $", share {ReportFormat.Points(change)} vs 4 weeks" : "";
            text.Wrapped("  - ", $"{Name(c.Category)}: {ReportFormat.Money(c.NetRevenue, insights.Currency)} ({ReportFormat.Share(c.Share)}), " +
                                 $"{ReportFormat.Percent(c.PercentChangeVsLastWeek)} vs last week{shareChange}", 4);
        }

        text.More(Math.Min(categories.Count, ReportLimits.TextCategories), categories.Count, "categories");
    }

    private static void WriteStores(PlainText text, CompanyMetrics company, string currency)
    {
        var ranking = company.StoreRanking;
        text.Heading($"Stores ({ReportFormat.Integer(ranking.Count)} traded)");
        var top = ranking.Take(ReportLimits.TextStores).ToList();
        foreach (var s in top)
        {
            text.Line($"{s.Rank,6}. {Name(s.StoreId)}: {ReportFormat.Money(s.NetRevenue, currency)} ({ReportFormat.Share(s.Share)}), " +
                      $"{ReportFormat.Percent(s.PercentChangeVsLastWeek)} vs last week");
        }

        var bottom = ranking.Skip(Math.Max(top.Count, ranking.Count - ReportLimits.TextStores)).ToList();
        if (ranking.Count > top.Count + bottom.Count)
        {
            text.Line($"        \u2026 {ReportFormat.Integer(ranking.Count - top.Count - bottom.Count)} stores between");
        }

        foreach (var s in bottom)
        {
            text.Line($"{s.Rank,6}. {Name(s.StoreId)}: {ReportFormat.Money(s.NetRevenue, currency)} ({ReportFormat.Share(s.Share)}), " +
                      $"{ReportFormat.Percent(s.PercentChangeVsLastWeek)} vs last week");
        }
    }

    private static void WritePaymentMethods(PlainText text, CompanyMetrics company, string currency)
    {
        text.Heading("Payment methods");
        var methods = company.PaymentMethods.OrderByDescending(p => p.NetRevenue).ThenBy(p => p.PaymentMethod, StringComparer.Ordinal).ToList();
        foreach (var p in methods.Take(ReportLimits.TextPaymentMethods))
        {
            text.Line($"  - {Name(p.PaymentMethod)}: {ReportFormat.Money(p.NetRevenue, currency)} ({ReportFormat.Share(p.Share)}), " +
                      $"{ReportFormat.Integer(p.Transactions)} transactions");
        }

        text.More(Math.Min(methods.Count, ReportLimits.TextPaymentMethods), methods.Count, "payment methods");
    }

    private static void WriteSteps(PlainText text, DailyInsights insights)
    {
        text.Heading("Analysis steps");
        foreach (var part in insights.Parts)
        {
            var status = part.Failed ? "FAILED" : part.Error is null ? "ok" : "partial";
            text.Line($"  {Name(part.Step),-24} {status,-7} findings from {ReportWords.Source(part.Source)}");
            if (part.Error is not null)
            {
                var cause = UntrustedText.Clean(part.Cause, ReportLimits.SentenceLength);
                text.Wrapped("      ", $"{Name(part.Error ?? "failed")}{(cause.Length > 0 ? ": " + cause : "")}", 6);
            }
        }

        text.Line().Wrapped("", UntrustedText.Clean(insights.ModelNote, ReportLimits.SentenceLength), 0);
    }

    private static string Quoted(string? name) => $"\"{Name(name)}\"";
}
