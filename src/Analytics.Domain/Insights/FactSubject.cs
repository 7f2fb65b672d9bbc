namespace Analytics.Domain.Insights;

/// <summary>What a <see cref="RecommendationFact"/> is about.</summary>
public enum FactSubject
{
    Chain,
    Store,
    Category,
    Sku,
}
