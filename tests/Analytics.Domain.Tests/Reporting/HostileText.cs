using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>Uploaded text at its worst: markup, attribute break-outs, CDATA and SVG terminators, forged lines, a
/// right-to-left override, and a very long name; <see cref="Apply"/> puts it into every uploaded string of the insights.</summary>
internal static class HostileText
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImgBreakout = "\"><img src=x onerror=alert(1)>";
    public const string CdataEnd = "]]>";
    public const string SvgEnd = "</svg>";
    public const string ForgedLine = "\n\nURGENT: wire money";
    public const string RightToLeft = "\u202Egnp.exe";

    /// <summary>Every hostile piece at once; appended to an id it stays unique, so stores still match their anomalies.</summary>
    public const string All = Script + ImgBreakout + CdataEnd + SvgEnd + ForgedLine + RightToLeft + "\u0000\u0007\r\u2028'&amp;";

    public static readonly string Long = "<b>" + new string('W', 5_000) + "</b>";

    private static string H(string value) => value + All;

    public static DailyInsights Apply(DailyInsights insights)
    {
        var company = insights.Company with
        {
            Categories = [.. insights.Company.Categories.Select(c => c with { Category = H(c.Category) })],
            PaymentMethods = [.. insights.Company.PaymentMethods.Select(p => p with { PaymentMethod = H(p.PaymentMethod) })],
            StoreRanking = [.. insights.Company.StoreRanking.Select(s => s with { StoreId = H(s.StoreId) })],
        };
        var products = insights.Products with
        {
            TopByRevenue = [.. insights.Products.TopByRevenue.Select((p, i) => p with { Sku = H(p.Sku), Name = i == 0 ? Long : H(p.Name), Category = H(p.Category) })],
            TopByUnits = [.. insights.Products.TopByUnits.Select(p => p with { Sku = H(p.Sku), Name = H(p.Name), Category = H(p.Category) })],
            TopByReturns = [.. insights.Products.TopByReturns.Select(p => p with { Sku = H(p.Sku), Name = H(p.Name), Category = H(p.Category) })],
            Gainers = [.. insights.Products.Gainers.Select(p => p with { Sku = H(p.Sku), Name = H(p.Name), Category = H(p.Category) })],
            Decliners = [.. insights.Products.Decliners.Select(p => p with { Sku = H(p.Sku), Name = H(p.Name), Category = H(p.Category) })],
            CategoryMix = [.. insights.Products.CategoryMix.Select(m => m with { Category = H(m.Category) })],
            MissingSkus = [.. insights.Products.MissingSkus.Select(m => m with { StoreId = H(m.StoreId), Sku = H(m.Sku), Name = H(m.Name), Category = H(m.Category) })],
        };
        static Anomaly Anomaly(Anomaly a) => a with
        {
            SubjectId = a.Subject == AnomalySubject.Chain ? a.SubjectId : H(a.SubjectId),
            Contributors = [.. a.Contributors.Select(c => c with { Id = H(c.Id) })],
        };
        var anomalies = insights.Anomalies is null ? null : insights.Anomalies with
        {
            Anomalies = [.. insights.Anomalies.Anomalies.Select(Anomaly)],
            Incidents = insights.Anomalies.Incidents?.Select(i => i with
            {
                CauseId = i.Cause == IncidentCause.Chain ? i.CauseId : H(i.CauseId),
                Facets = [.. i.Facets.Select(Anomaly)],
                Order = i.Order is not { } order ? null : order with
                {
                    StoreId = H(order.StoreId),
                    Receipt = order.Receipt with
                    {
                        Id = H(order.Receipt.Id),
                        TopLine = order.Receipt.TopLine with { Sku = H(order.Receipt.TopLine.Sku), Name = Long, Category = H(order.Receipt.TopLine.Category) },
                    },
                },
            }).ToList(),
        };
        var trends = insights.Trends is null ? null : insights.Trends with
        {
            GrowingStores = [.. insights.Trends.GrowingStores.Select(t => t with { Id = H(t.Id) })],
            DecliningStores = [.. insights.Trends.DecliningStores.Select(t => t with { Id = H(t.Id) })],
            GrowingCategories = [.. insights.Trends.GrowingCategories.Select(t => t with { Id = H(t.Id) })],
            DecliningCategories = [.. insights.Trends.DecliningCategories.Select(t => t with { Id = H(t.Id) })],
        };
        List<Recommendation> recommendations = [.. insights.Recommendations.Select(r => r with
        {
            SubjectId = H(r.SubjectId), Title = H(r.Title), Action = H(r.Action),
            Facts = [.. r.Facts.Select(f => f with { SubjectId = H(f.SubjectId) })],
        })];
        var forecast = insights.Forecast is null ? null : insights.Forecast with
        {
            Stores = [.. insights.Forecast.Stores.Select(f => f with { Id = H(f.Id) })],
            Categories = [.. insights.Forecast.Categories.Select(f => f with { Id = H(f.Id) })],
        };
        List<PartStatus> parts = [.. insights.Parts, new PartStatus(AnalysisSection.Anomalies, "DetectAnomalies", true, PartStatus.Statistics, "ThrottlingException", H("Rate exceeded"))];
        return insights with
        {
            ExecutionName = H(insights.ExecutionName), Currency = H(insights.Currency), Company = company, Products = products, Anomalies = anomalies,
            Trends = trends, Recommendations = recommendations, Parts = parts, ModelNote = H(insights.ModelNote), Forecast = forecast,
        };
    }
}
