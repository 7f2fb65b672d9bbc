using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Domain.Exports;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Reporting;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Domain;

/// <summary>Registers the domain services. Hosts call it from their composition root.</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="UploadReader"/> (a singleton: it keeps no state between reads) and <see cref="UploadOptions"/>
    /// (bind section <see cref="UploadOptions.Section"/> in the host to change the defaults), and the daily-analysis
    /// calculators (<see cref="CompanyMetricsCalculator"/>, <see cref="ProductMetricsCalculator"/>,
    /// <see cref="AnomalyDetector"/>, <see cref="TrendAnalyzer"/>, <see cref="RecommendationEngine"/>, <see cref="SalesForecaster"/>; stateless singletons) and <see cref="ModelReviewer"/> (it uses an
    /// <see cref="Microsoft.Extensions.AI.IChatClient"/> when the host registers one, else the analysis is statistics only). Registers
    /// <see cref="TimeProvider.System"/> only when the host has not registered a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddAnalyticsDomain(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<UploadOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UploadReader>();
        services.TryAddSingleton<CompanyMetricsCalculator>();
        services.TryAddSingleton<ProductMetricsCalculator>();
        services.TryAddSingleton<AnomalyDetector>();
        services.TryAddSingleton<TrendAnalyzer>();
        services.TryAddSingleton<RecommendationEngine>();
        services.TryAddSingleton<SalesForecaster>();
        services.AddOptions<AnalysisOptions>();
        services.TryAddScoped<SalesHistoryLoader>();
        services.AddOptions<ModelOptions>();
        services.TryAddSingleton<ModelReviewer>();
        services.TryAddSingleton<DailyReportRenderer>();
        services.TryAddScoped<QuickSightExporter>();
        return services;
    }
}
