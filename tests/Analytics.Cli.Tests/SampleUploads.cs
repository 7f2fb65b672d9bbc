namespace Analytics.Cli.Tests;

/// <summary>The upload tests' smallest valid file: one store's 2025-01-15 with one sale of one line (net 20.00 USD).</summary>
internal static class SampleUploads
{
    public static string OneLineDay(string storeId = "store-0001") => $$"""
        {"schema_version":1,"store_id":"{{storeId}}","business_date":"2025-01-15","currency":"USD","transactions":[
          {"transaction_id":"t-1","timestamp":"2025-01-15T10:00:00-05:00","payment_method":"card",
           "items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":2,"unit_price":10.50,"discount":1.00}]}]}
        """;
}
