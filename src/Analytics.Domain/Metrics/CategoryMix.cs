namespace Analytics.Domain.Metrics;

/// <summary>
/// A category's share of chain net revenue on D and over D − 7 … D − 28 (the sum over those weeks' chain days;
/// null when none is known), in percent to 2 places; <see cref="ShareChange"/> is in percentage points.
/// </summary>
public sealed record CategoryMix(string Category, decimal NetRevenue, decimal Share, decimal? BaselineShare, decimal? ShareChange);
