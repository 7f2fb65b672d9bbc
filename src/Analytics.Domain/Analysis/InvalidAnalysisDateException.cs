namespace Analytics.Domain.Analysis;

/// <summary>The daily analysis was asked for a date it cannot analyse (not YYYY-MM-DD, in the future, or before 2000-01-01). Not retried.</summary>
public sealed class InvalidAnalysisDateException(string message) : AnalyticsException(message);
