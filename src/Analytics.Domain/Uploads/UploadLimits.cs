namespace Analytics.Domain.Uploads;

/// <summary>
/// Fixed limits of upload formats v1 and v2 (documented in docs/upload-format.md). Lengths count UTF-16 code units of the
/// unescaped text, as <see cref="string.Length"/> does.
/// </summary>
public static class UploadLimits
{
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
    /// <summary>Distinct categories one store-day may have (a storage limit).</summary>
    public const int MaxCategoriesPerStoreDay = 1_000;
    /// <summary>Distinct payment methods one store-day may have (a storage limit).</summary>
    public const int MaxPaymentMethodsPerStoreDay = 50;
}
