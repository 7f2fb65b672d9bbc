namespace Analytics.Domain.Exports;

/// <summary>The exported datasets; each name is its folder under the exports prefix and its manifest's name.</summary>
public static class QuickSightDatasets
{
    public const string StoreDaily = "store_daily";
    public const string CompanyDaily = "company_daily";
    public const string ProductDaily = "product_daily";
    public const string Anomalies = "anomalies";
    public const string Recommendations = "recommendations";
    public const string SalesForecast = "sales_forecast";

    public static IReadOnlyList<string> All { get; } = [StoreDaily, CompanyDaily, ProductDaily, Anomalies, Recommendations, SalesForecast];

    /// <summary>The columns of every row of <paramref name="dataset"/>, in the order they are written,
    /// <c>business_date</c> first: the declarations the rows are written from.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static IReadOnlyList<ExportColumn> Columns(string dataset) => dataset switch
    {
        StoreDaily => StoreDailyRows.Table.Columns,
        CompanyDaily => CompanyDailyRows.Table.Columns,
        ProductDaily => ProductDailyRows.Table.Columns,
        Anomalies => AnomalyRows.Table.Columns,
        Recommendations => RecommendationRows.Table.Columns,
        SalesForecast => ForecastRows.Table.Columns,
        _ => throw new ArgumentException($"{dataset} is not an exported dataset.", nameof(dataset)),
    };
}
