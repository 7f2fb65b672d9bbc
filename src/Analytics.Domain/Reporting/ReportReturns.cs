using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>
/// What the text and the HTML report show of returns. A chain that never refunds (uploads without returns) gets the
/// report it always had; once the day or a baseline it is compared with has returns, the headline reads sales,
/// returns, net revenue (= sales − returns), the other figures and the return rate, and a day with returns gets a
/// section naming the stores, categories and products with the most of them.
/// </summary>
internal static class ReportReturns
{
    private static readonly KeyMetric[] WithReturns =
    [
        KeyMetric.NetSales, KeyMetric.Returns, KeyMetric.NetRevenue, KeyMetric.Transactions, KeyMetric.Units,
        KeyMetric.AverageBasket, KeyMetric.DiscountRate, KeyMetric.ReturnRate,
    ];

    private static readonly KeyMetric[] WithoutReturns =
        [KeyMetric.NetRevenue, KeyMetric.Transactions, KeyMetric.Units, KeyMetric.AverageBasket, KeyMetric.DiscountRate];

    /// <summary>True when D or any baseline it is compared with had returns.</summary>
    public static bool Shown(CompanyMetrics company) =>
        company.HasReturns ||
        company.KeyFigures.Any(f => f.Metric == KeyMetric.Returns && f.Comparisons.Any(c => c.BaselineValue != 0m));

    /// <summary>The headline figures in reading order (those the metrics have).</summary>
    public static IEnumerable<KeyFigure> Headline(CompanyMetrics company) =>
        (Shown(company) ? WithReturns : WithoutReturns)
            .Select(metric => company.KeyFigures.FirstOrDefault(f => f.Metric == metric)).OfType<KeyFigure>();

    /// <summary>Stores that refunded anything, highest return rate first (then most refunded, then id).</summary>
    public static List<StoreRank> Stores(CompanyMetrics company) =>
    [
        .. company.StoreRanking.Where(s => s.Returns > 0m)
            .OrderByDescending(s => s.ReturnRate).ThenByDescending(s => s.Returns).ThenBy(s => s.StoreId, StringComparer.Ordinal),
    ];

    /// <summary>Categories with returns, highest return rate first (then most refunded, then name).</summary>
    public static List<CategoryFigure> Categories(CompanyMetrics company) =>
    [
        .. company.Categories.Where(c => c.Returns > 0m)
            .OrderByDescending(c => c.ReturnRate).ThenByDescending(c => c.Returns).ThenBy(c => c.Category, StringComparer.Ordinal),
    ];

    /// <summary>A return rate and, when known, last week's: <c>8.93% (last week 2.10%)</c>.</summary>
    public static string Rate(decimal rate, decimal? lastWeek) =>
        ReportFormat.Rate(rate) + (lastWeek is { } before ? $" (last week {ReportFormat.Rate(before)})" : "");
}
