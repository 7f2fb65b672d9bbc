namespace Analytics.Domain.Insights;

/// <summary>What an <see cref="AnomalyContributor"/> id names.</summary>
public enum ContributorKind
{
    Store,
    Category,
    Sku,
}
