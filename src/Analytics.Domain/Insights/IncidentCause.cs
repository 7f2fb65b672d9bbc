namespace Analytics.Domain.Insights;

/// <summary>What an <see cref="Incident"/>'s anomalies share: the one thing that moved them.</summary>
public enum IncidentCause
{
    /// <summary>One receipt (<see cref="Incident.Order"/>): without it the figures would be ordinary.</summary>
    Order,
    /// <summary>One store's day.</summary>
    Store,
    /// <summary>One category, chain-wide.</summary>
    Category,
    /// <summary>The chain as a whole, no one store or category driving it.</summary>
    Chain,
}
