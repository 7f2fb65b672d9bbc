using Analytics.Domain.Sales;

namespace Analytics.Functions.Tests.DailyAnalysis;

internal static class DailyData
{
    /// <summary>A store-day with one category, one hour, one payment method and one SKU: net revenue <paramref name="net"/>.</summary>
    public static StoreDaySummary StoreDay(string storeId, DateOnly date, decimal net, string currency = "USD") => new()
    {
        StoreId = storeId,
        BusinessDate = date,
        Currency = currency,
        Totals = new SalesTotals(4, 6, 5, net, 0m),
        Hours = [new HourSales(10, 4, 6, net)],
        Categories = [new CategorySales("Coffee", 4, 6, 5, net, 0m)],
        PaymentMethods = [new PaymentMethodSales("card", 4, net)],
        Skus = [new SkuSales("SKU-1", "Beans", "Coffee", 6, 5, net, 0m)],
    };
}
