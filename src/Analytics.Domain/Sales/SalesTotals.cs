using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>
/// Additive sales figures. Money is exact: sums are never rounded, so merging parts gives the same totals as
/// aggregating the whole. <see cref="Transactions"/>, <see cref="Units"/> and <see cref="Lines"/> count sales only;
/// returns (refunds, format v2) have their own counts and <see cref="Returns"/>, the amount refunded (positive).
/// <see cref="NetSales"/> is gross less discounts; <see cref="NetRevenue"/> is net sales less returns. The return
/// members are not written when zero, so a body without returns is the same as before returns existed.
/// </summary>
public sealed record SalesTotals(
    int Transactions,
    long Units,
    int Lines,
    decimal GrossSales,
    decimal Discounts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnTransactions = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long UnitsReturned = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnLines = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal Returns = 0m)
{
    public static readonly SalesTotals Zero = new(0, 0, 0, 0m, 0m);

    /// <summary>Gross sales less discounts: what the sales took, before any refund.</summary>
    public decimal NetSales => GrossSales - Discounts;

    /// <summary>Net sales less returns.</summary>
    public decimal NetRevenue => NetSales - Returns;

    /// <summary>Returns as a share of net sales (0.05 is 5 %), rounded half-to-even to 4 places; 0 without sales.</summary>
    public decimal ReturnRate => SalesAmounts.ReturnRate(Returns, NetSales);

    /// <summary>Net sales per sale transaction, rounded half-to-even to 2 places; 0 when there are no transactions.
    /// A basket is a sale: returns do not shrink it.</summary>
    public decimal AverageBasket => Transactions == 0 ? 0m : decimal.Round(NetSales / Transactions, 2, MidpointRounding.ToEven);

    public SalesTotals Add(SalesTotals other) => new(
        Transactions + other.Transactions, Units + other.Units, Lines + other.Lines,
        GrossSales + other.GrossSales, Discounts + other.Discounts,
        ReturnTransactions + other.ReturnTransactions, UnitsReturned + other.UnitsReturned, ReturnLines + other.ReturnLines,
        Returns + other.Returns);
}
