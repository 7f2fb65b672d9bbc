namespace Analytics.Domain.Insights;

/// <summary>
/// How unusual a figure is. Both the robust z-score and the relative change against the median must pass a band:
/// a statistically rare but small wobble (a 3 % dip of a very steady chain) is not worth a manager's attention.
/// </summary>
public enum AnomalySeverity
{
    /// <summary>An <see cref="Incident"/> below the materiality floor: in the report's list, not in the e-mail's
    /// headline findings. Anomalies themselves are never low.</summary>
    Low = 0,
    /// <summary>|z| ≥ 2.5 and |change| ≥ 10 % of the median.</summary>
    Medium = 1,
    /// <summary>|z| ≥ 3.5 and |change| ≥ 25 % of the median, or |z| ≥ 2.5 and |change| ≥ 40 %; also every store with
    /// history but no sales on D.</summary>
    High = 2,
}
