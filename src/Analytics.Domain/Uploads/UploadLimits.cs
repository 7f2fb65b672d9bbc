namespace Analytics.Domain.Uploads;

/// <summary>
/// Fixed limits of upload formats v1 and v2 (documented in docs/upload-format.md). Lengths count UTF-16 code units of the
/// unescaped text, as <see cref="string.Length"/> does.
/// </summary>
public static class UploadLimits
{
    /// <summary>
    /// The earliest business date an upload may have, and the daily analysis analyse. Fixed, so that a file valid today
    /// stays valid (rather than 20 years before today, which would turn old files invalid as time passes); 2000 is
    /// before any sales this product will hold (the oldest data set we test with is from 2010) and leaves every
    /// history window before it (the analysis looks back a year or so) inside the calendar, which ends at year 1.
    /// </summary>
    public static readonly DateOnly EarliestBusinessDate = new(2000, 1, 1);

    /// <summary>The first schema version: sales only.</summary>
    public const int SchemaVersion = 1;
    /// <summary>The schema version with returns; the latest this reader knows.</summary>
    public const int ReturnsSchemaVersion = 2;
    public const int StoreIdMaxLength = 64;
    public const int TransactionIdMaxLength = 128;
    public const int PaymentMethodMaxLength = 32;
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 256;
    public const int CategoryMaxLength = 128;
    public const long MaxQuantity = 1_000_000;
    public const decimal MaxUnitPrice = 1_000_000m;
    /// <summary>Most decimal places a price or discount may carry (trailing zeros do not count).</summary>
    public const int MaxDecimalPlaces = 4;
    /// <summary>
    /// The longest single JSON token (a string with its quotes and escapes, or a number) the reader holds, and so the
    /// most its read buffer grows to. The longest valid text is 256 characters, at most 1,536 bytes escaped; a longer
    /// token is reported and ends the reading (docs/upload-format.md), so a huge string cannot exhaust memory.
    /// </summary>
    public const int MaxTokenBytes = 1024 * 1024;
    /// <summary>Distinct categories one store-day may have (a storage limit).</summary>
    public const int MaxCategoriesPerStoreDay = 1_000;
    /// <summary>Distinct payment methods one store-day may have (a storage limit).</summary>
    public const int MaxPaymentMethodsPerStoreDay = 50;
}
