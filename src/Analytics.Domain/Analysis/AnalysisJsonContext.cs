using System.Text.Json.Serialization;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Analysis;

/// <summary>
/// The daily analysis' result documents in the bucket (camelCase, enums as their names, decimals with their exact
/// digits), source-generated. Computed members such as <c>netRevenue</c> are written for readers and ignored when
/// read back.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(CompanyMetrics))]
[JsonSerializable(typeof(ProductMetrics))]
[JsonSerializable(typeof(AnomalyReport))]
[JsonSerializable(typeof(TrendReport))]
[JsonSerializable(typeof(ForecastReport))]
[JsonSerializable(typeof(RecommendationSet))]
[JsonSerializable(typeof(DailyInsights))]
[JsonSerializable(typeof(ChainHistory))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext;
