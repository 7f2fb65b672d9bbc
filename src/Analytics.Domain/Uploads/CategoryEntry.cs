namespace Analytics.Domain.Uploads;

/// <summary>
/// Running sums of one category in the store-day being read. <see cref="LastTransaction"/> is the sequence number
/// of the last transaction or return counted, so one with several lines of the category counts once.
/// </summary>
internal sealed class CategoryEntry(string category, byte[] utf8)
{
    public string Category { get; } = category;

    /// <summary>The category's UTF-8 bytes when they hold no <c>"</c> or <c>\</c> (so are written the same in JSON);
    /// else null.</summary>
    public byte[]? PlainUtf8 { get; } = utf8.AsSpan().IndexOfAny((byte)'"', (byte)'\\') < 0 ? utf8 : null;
    public int LastTransaction { get; set; } = -1;
    public int Transactions { get; set; }
    public long Units { get; set; }
    public int Lines { get; set; }
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 GrossTicks { get; set; }
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 DiscountTicks { get; set; }
    public int ReturnTransactions { get; set; }
    public long UnitsReturned { get; set; }
    public int ReturnLines { get; set; }
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 ReturnTicks { get; set; }

    /// <summary>The open receipt's amount in this category (lines net of discount), in <see cref="MoneyTicks"/>; valid
    /// while <see cref="LastTransaction"/> is that receipt's.</summary>
    public Int128 ReceiptTicks { get; set; }
}
