using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>
/// Source-generated (de)serialization of stored sales bodies. Computed properties such as
/// <see cref="SalesTotals.NetRevenue"/> are read-only and therefore not written; dates are YYYY-MM-DD and
/// decimals are written with their exact digits, so stored figures round-trip unchanged.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    IgnoreReadOnlyProperties = true,
    WriteIndented = false)]
[JsonSerializable(typeof(StoreDaySummary))]
[JsonSerializable(typeof(SalesBreakdownDocument))]
[JsonSerializable(typeof(IReadOnlyList<SkuSales>))]
internal sealed partial class SalesJsonContext : JsonSerializerContext;
