namespace Analytics.Domain.Sales;

/// <summary>Figures derived the same way for every level of the sales model.</summary>
internal static class SalesAmounts
{
    /// <summary><paramref name="returns"/> over <paramref name="netSales"/>, rounded half-to-even to 4 places; 0 when
    /// there are no sales (a day of refunds only has no rate, not an infinite one).</summary>
    public static decimal ReturnRate(decimal returns, decimal netSales) =>
        netSales <= 0m ? 0m : decimal.Round(returns / netSales, 4, MidpointRounding.ToEven);
}
