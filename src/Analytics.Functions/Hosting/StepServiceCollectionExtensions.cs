using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.UploadProcessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Functions.Hosting;

public static class StepServiceCollectionExtensions
{
    /// <summary>Registers every step of <see cref="StepCatalog"/> (scoped: one per invocation) and the services they own.</summary>
    public static IServiceCollection AddAnalyticsSteps(this IServiceCollection services)
    {
        foreach (var step in StepCatalog.All)
        {
            services.TryAddScoped(step.StepType);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<RejectionReports>();
        services.TryAddScoped<StoreDayLedger>();
        services.TryAddScoped<StoreDayRecorder>();
        services.TryAddScoped<PendingUploads>();
        services.TryAddScoped<RunData>();
        services.TryAddScoped<AnalysisArtifacts>();
        return services;
    }
}
