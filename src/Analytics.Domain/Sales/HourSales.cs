namespace Analytics.Domain.Sales;

/// <summary>Sales of one local clock hour (0–23, in the store's time zone) of a business day.</summary>
public sealed record HourSales(int Hour, int Transactions, long Units, decimal NetRevenue);
