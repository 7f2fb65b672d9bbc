namespace Analytics.Domain.Insights;

/// <summary>What an anomaly is about; the subject id is <see cref="Anomaly.ChainId"/>, a store id or a category name.</summary>
public enum AnomalySubject
{
    Chain,
    Store,
    Category,
}
