namespace Analytics.Domain.Exports;

/// <summary>The exported datasets; each name is its folder under the exports prefix and its manifest's name.</summary>
public static class QuickSightDatasets
{
    public const string StoreDaily = "store_daily";
    public const string CompanyDaily = "company_daily";
    public const string ProductDaily = "product_daily";
    public const string Anomalies = "anomalies";
    public const string Recommendations = "recommendations";

    public static IReadOnlyList<string> All { get; } = [StoreDaily, CompanyDaily, ProductDaily, Anomalies, Recommendations];
}
