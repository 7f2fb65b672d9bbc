namespace Analytics.Domain.Uploads;

/// <summary>
/// Running sums (sales and returns) of one SKU in the store-day being read; name and category are those of its first line.
/// <see cref="NameUtf8"/> lets a later line with the very same name bytes skip validating it again.
/// </summary>
internal sealed class SkuEntry(string sku, string name, byte[] nameUtf8, string category)
{
    public string Sku { get; } = sku;
    public string Name { get; } = name;
    public byte[] NameUtf8 { get; } = nameUtf8;
    public string Category { get; } = category;
    public long Units { get; set; }
    public int Lines { get; set; }
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 GrossTicks { get; set; }
    /// <summary>In <see cref="MoneyTicks"/>.</summary>
    public Int128 DiscountTicks { get; set; }
    public long UnitsReturned { get; set; }
    public int ReturnLines { get; set; }
    /// <summary>Refunded (quantity × unit price − discount of returned lines), in <see cref="MoneyTicks"/>.</summary>
    public Int128 ReturnTicks { get; set; }
}
