namespace Analytics.Domain.Analysis;

/// <summary>The daily analysis was asked for a date it cannot analyse (not YYYY-MM-DD, or in the future). Not retried.</summary>
public sealed class InvalidAnalysisDateException(string message) : AnalyticsException(message);
