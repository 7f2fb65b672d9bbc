namespace Analytics.Domain.Uploads;

/// <summary>Running sums (sales and returns) of one local clock hour in the store-day being read.</summary>
internal struct HourBucket
{
    public int Transactions;
    public long Units;
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 NetTicks;
    public int ReturnTransactions;
    public long UnitsReturned;
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 ReturnTicks;
}
