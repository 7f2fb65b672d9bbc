namespace Analytics.Domain.Uploads;

/// <summary>Running sums (payments and refunds) of one payment method in the store-day being read.</summary>
internal sealed class PaymentEntry(string method)
{
    public string Method { get; } = method;
    public int Transactions { get; set; }
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 NetTicks { get; set; }
    public int ReturnTransactions { get; set; }
    /// <summary>Refunded with this method, in <see cref="MoneyTicks"/>.</summary>
    public Int128 ReturnTicks { get; set; }
}
