namespace Analytics.Domain.Sales;

/// <summary>Transactions and net revenue paid with one payment method (as written in the upload).</summary>
public sealed record PaymentMethodSales(string PaymentMethod, int Transactions, decimal NetRevenue);
