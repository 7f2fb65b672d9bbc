namespace Analytics.Domain.Uploads;

/// <summary>Running sums of one payment method in the store-day being read.</summary>
internal sealed class PaymentEntry(string method)
{
    public string Method { get; } = method;
    public int Transactions { get; set; }
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 NetTicks { get; set; }
}
