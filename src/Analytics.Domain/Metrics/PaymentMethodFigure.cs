namespace Analytics.Domain.Metrics;

/// <summary>A payment method's chain-wide sales on D; <see cref="Share"/> is its percentage of chain net revenue.
/// <see cref="NetRevenue"/> is what the method took less what it refunded (<see cref="Returns"/>);
/// <see cref="ReturnRate"/> is returns / net sales of the method, 4 places.</summary>
public sealed record PaymentMethodFigure(
    string PaymentMethod, int Transactions, decimal NetRevenue, decimal Share, int ReturnTransactions = 0, decimal Returns = 0m, decimal ReturnRate = 0m);
