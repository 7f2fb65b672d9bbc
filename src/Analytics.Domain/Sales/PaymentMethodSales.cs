using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>
/// Transactions paid and returns refunded with one payment method (as written in the upload).
/// <see cref="NetRevenue"/> is what the method took less what it refunded (<see cref="Returns"/>). Return members
/// are not written when zero.
/// </summary>
public sealed record PaymentMethodSales(
    string PaymentMethod,
    int Transactions,
    decimal NetRevenue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ReturnTransactions = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal Returns = 0m)
{
    /// <summary>Net sales before refunds.</summary>
    public decimal NetSales => NetRevenue + Returns;
}
