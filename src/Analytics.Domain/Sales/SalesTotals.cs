namespace Analytics.Domain.Sales;

/// <summary>
/// Additive sales figures. Money is exact: sums are never rounded, so merging parts gives the same totals as
/// aggregating the whole. <see cref="NetRevenue"/> is gross less discounts.
/// </summary>
public sealed record SalesTotals(int Transactions, long Units, int Lines, decimal GrossSales, decimal Discounts)
{
    public static readonly SalesTotals Zero = new(0, 0, 0, 0m, 0m);

    public decimal NetRevenue => GrossSales - Discounts;

    /// <summary>Net revenue per transaction, rounded half-to-even to 2 places; 0 when there are no transactions.</summary>
    public decimal AverageBasket => Transactions == 0 ? 0m : decimal.Round(NetRevenue / Transactions, 2, MidpointRounding.ToEven);

    public SalesTotals Add(SalesTotals other) => new(
        Transactions + other.Transactions, Units + other.Units, Lines + other.Lines,
        GrossSales + other.GrossSales, Discounts + other.Discounts);
}
