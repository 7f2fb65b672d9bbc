namespace Analytics.Domain.Metrics;

/// <summary>A payment method's chain-wide sales on D; <see cref="Share"/> is its percentage of chain net revenue.</summary>
public sealed record PaymentMethodFigure(string PaymentMethod, int Transactions, decimal NetRevenue, decimal Share);
