namespace Analytics.Domain.Insights;

/// <summary>How urgently a recommendation should be acted on.</summary>
public enum RecommendationPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
}
