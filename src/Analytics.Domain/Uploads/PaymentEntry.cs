namespace Analytics.Domain.Uploads;

/// <summary>Running sums of one payment method in the store-day being read.</summary>
internal sealed class PaymentEntry(string method)
{
    public string Method { get; } = method;
    public int Transactions { get; set; }
    public decimal NetRevenue { get; set; }
}
