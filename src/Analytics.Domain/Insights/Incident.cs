namespace Analytics.Domain.Insights;

/// <summary>
/// One event of the day, as a manager reads it: the anomalies that share a cause (<see cref="Cause"/>,
/// <see cref="CauseId"/>), the one with the largest money effect first. <see cref="Impact"/> is that money effect in
/// the chain's currency (never a sum over facets, which describe one movement several ways).
/// <see cref="Severity"/> is calibrated on money: <see cref="AnomalySeverity.High"/> needs a high lead facet with an
/// impact of at least <see cref="IncidentBuilder.HighImpactShare"/> of the chain's usual day for a drop
/// (<see cref="IncidentBuilder.HighSurgeShare"/> for a surge), or a store's high drop of
/// <see cref="AnomalyDetector.LargeChange"/> of its own usual day; an order incident is high only when the order is
/// <see cref="IncidentBuilder.HighOrderShare"/> of the chain's day. An incident below
/// <see cref="IncidentBuilder.MaterialShare"/> of the chain's usual day (and no such store drop) is
/// <see cref="AnomalySeverity.Low"/> and not <see cref="Material"/>.
/// </summary>
/// <param name="CauseId">The receipt's id, store id, category, or <see cref="Anomaly.ChainId"/>.</param>
/// <param name="Facets">Its anomalies, largest money effect first; empty for an order that moved no figure out of its
/// range but is a large share of the chain's day.</param>
/// <param name="Order">The receipt, for <see cref="IncidentCause.Order"/>.</param>
public sealed record Incident(
    IncidentCause Cause,
    string CauseId,
    AnomalySeverity Severity,
    decimal Impact,
    bool Material,
    IReadOnlyList<Anomaly> Facets,
    UnusualOrder? Order = null)
{
    /// <summary>The facet with the largest money effect; null for an order without facets.</summary>
    public Anomaly? Lead => Facets.Count == 0 ? null : Facets[0];
}
