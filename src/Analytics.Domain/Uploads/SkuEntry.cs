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

    /// <summary>Whether <see cref="NameUtf8"/> holds no <c>"</c> or <c>\</c>: then it is written the same in JSON, and the
    /// scanner may compare a name where it stands, before finding the string's end.</summary>
    public bool NamePlain { get; } = nameUtf8.AsSpan().IndexOfAny((byte)'"', (byte)'\\') < 0;

    /// <summary>The category of the SKU's last line the scanner added: the one its next line most likely names.</summary>
    public CategoryEntry? LastCategory { get; set; }
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
