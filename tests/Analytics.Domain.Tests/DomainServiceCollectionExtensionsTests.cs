using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Domain.Tests;

public sealed class DomainServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAnalyticsDomain_NoTimeProvider_ResolvesReaderOnSystemClock()
    {
        using var provider = new ServiceCollection().AddAnalyticsDomain().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<UploadReader>(), provider.GetRequiredService<UploadReader>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddAnalyticsDomain_HostTimeProvider_KeepsTheHostsClock()
    {
        var clock = new FakeTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddAnalyticsDomain().BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<UploadReader>());
    }

    [Fact]
    public void AddAnalyticsDomain_Always_ResolvesTheAnalysisCalculatorsAsSingletons()
    {
        using var provider = new ServiceCollection().AddAnalyticsDomain().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<CompanyMetricsCalculator>(), provider.GetRequiredService<CompanyMetricsCalculator>());
        Assert.NotNull(provider.GetRequiredService<ProductMetricsCalculator>());
        Assert.NotNull(provider.GetRequiredService<AnomalyDetector>());
        Assert.NotNull(provider.GetRequiredService<TrendAnalyzer>());
        Assert.NotNull(provider.GetRequiredService<RecommendationEngine>());
        Assert.Same(provider.GetRequiredService<SalesForecaster>(), provider.GetRequiredService<SalesForecaster>());
    }
}
