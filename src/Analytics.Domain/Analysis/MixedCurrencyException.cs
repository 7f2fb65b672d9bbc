namespace Analytics.Domain.Analysis;

/// <summary>Stores reported the business date in different currencies: chain totals would add unlike amounts. Not retried.</summary>
public sealed class MixedCurrencyException(string message) : AnalyticsException(message);
