using Analytics.Domain;

namespace Analytics.Functions.Hosting;

/// <summary>The function's environment does not say what it needs (which step, which table, which bucket, …): reported as an init error.</summary>
public sealed class LambdaConfigurationException(IReadOnlyList<string> problems)
    : AnalyticsException($"The function cannot start: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
