using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>
/// Sales and returns of one local clock hour (0–23, in the store's time zone) of a business day.
/// <see cref="NetRevenue"/> is the hour's net sales less its <see cref="Returns"/> (stored as such: bodies written
/// before returns existed hold net sales, which is the same when there are none). Return members are not written
/// when zero.
/// </summary>
public sealed record HourSales(
    int Hour,
    int Transactions,
    long Units,
    decimal NetRevenue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnTransactions = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long UnitsReturned = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal Returns = 0m)
{
    /// <summary>Net sales before returns.</summary>
    public decimal NetSales => NetRevenue + Returns;
}
