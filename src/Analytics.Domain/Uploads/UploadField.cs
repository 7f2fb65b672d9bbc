namespace Analytics.Domain.Uploads;

/// <summary>The fields of upload format v1. Each value is also its bit in an object's set of seen fields.</summary>
internal enum UploadField : byte
{
    /// <summary>Not a v1 field, or a field whose value is being skipped.</summary>
    None,
    SchemaVersion,
    StoreId,
    BusinessDate,
    Currency,
    TimeZone,
    Transactions,
    TransactionId,
    Timestamp,
    PaymentMethod,
    Items,
    Sku,
    Name,
    Category,
    Quantity,
    UnitPrice,
    Discount,
}
